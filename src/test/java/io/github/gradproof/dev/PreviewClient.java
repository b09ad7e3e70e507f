package io.github.gradproof.dev;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Predicate;

/** Fetches preview pages over HTTP for the limit tests, waiting for a rebuild when asked. */
final class PreviewClient {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private PreviewClient() {}

  /** The response for {@code url}. */
  static HttpResponse<String> get(String url) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** Fetches {@code url} until {@code done} accepts the response; fails after 60 s. */
  static HttpResponse<String> await(String url, Predicate<HttpResponse<String>> done) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    HttpResponse<String> response = get(url);
    while (!done.test(response)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the preview did not rebuild within 60 s; last status " + response.statusCode());
      }
      Thread.sleep(100);
      response = get(url);
    }
    return response;
  }
}
