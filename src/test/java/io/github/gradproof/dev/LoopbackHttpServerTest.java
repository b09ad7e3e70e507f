package io.github.gradproof.dev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The preview's HTTP layer over real sockets, request by request: which Host names are answered,
 * and which request heads are malformed. The handler echoes the decoded path it was given.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoopbackHttpServerTest {

  private LoopbackHttpServer server;

  @BeforeAll
  void start() {
    server = new LoopbackHttpServer(0, request -> LoopbackHttpServer.Response.text(
        request.path().endsWith("missing") ? 404 : 200, "path " + request.path()), Duration.ofSeconds(5));
    server.start();
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private String raw(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(20_000);
      socket.getOutputStream().write(request.replace("PORT", Integer.toString(server.port()))
          .getBytes(StandardCharsets.ISO_8859_1));
      socket.shutdownOutput(); // the request is all there is
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static int status(String response) {
    assertTrue(response.startsWith("HTTP/1.1 "), response);
    return Integer.parseInt(response.substring(9, 12));
  }

  @ParameterizedTest(name = "Host: {0} -> {1}")
  @CsvSource({
      "127.0.0.1:PORT, 200", "localhost:PORT, 200", "LocalHost:PORT, 200", "[::1]:PORT, 200",
      "evil.example:PORT, 421", "evil.example, 421", "127.0.0.1, 421", "127.0.0.1:1, 421",
      "localhost.evil.example:PORT, 421", "127.0.0.2:PORT, 421", "0.0.0.0:PORT, 421", "[::ffff:127.0.0.1]:PORT, 421",
      "'', 421"})
  void answersOnlyThisMachinesHostNames(String host, int expected) throws IOException {
    assertEquals(expected, status(raw("GET / HTTP/1.1\r\nHost: " + host + "\r\n\r\n")));
  }

  @Test
  void aRequestWithoutOrWithTwoHostsIsMalformed() throws IOException {
    assertEquals(400, status(raw("GET / HTTP/1.1\r\n\r\n")));
    assertEquals(400, status(raw("GET / HTTP/1.1\r\nHost: 127.0.0.1:PORT\r\nHost: evil.example\r\n\r\n")));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "GET /%00 HTTP/1.1 | 400", "GET /en/%00.html HTTP/1.1 | 400", "GET /a%2 HTTP/1.1 | 400",
      "GET /a%zz HTTP/1.1 | 400", "GET /%ff HTTP/1.1 | 400", "GET /%0a HTTP/1.1 | 400",
      "GET /../etc/passwd HTTP/1.1 | 400", "GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1 | 400",
      "GET /en/./x HTTP/1.1 | 400", "GET /en\\..\\x HTTP/1.1 | 400", "GET /a%5cb HTTP/1.1 | 400",
      "GET en/index.html HTTP/1.1 | 400", "GET http://evil.example/ HTTP/1.1 | 400", "GET / HTTP/2.0 | 505",
      "GET / FTP/1.0 | 400", "GET  / HTTP/1.1 | 400", "get / HTTP/1.1 | 400", "GARBAGE | 400",
      "POST / HTTP/1.1 | 405", "DELETE /index.html HTTP/1.1 | 405", "GET /en/ HTTP/1.1 | 200",
      "GET /en/index.html?x=%00 HTTP/1.1 | 200", "HEAD /en/index.html HTTP/1.1 | 200",
      "GET /missing HTTP/1.1 | 404", "GET / HTTP/1.0 | 200"})
  void malformedRequestsGet400(String requestLine, int expected) throws IOException {
    assertEquals(expected, status(raw(requestLine + "\r\nHost: 127.0.0.1:PORT\r\n\r\n")));
  }

  @Test
  void theHandlerSeesTheDecodedCleanPath() throws IOException {
    assertTrue(raw("GET /en//caf%C3%A9.html?q=1 HTTP/1.1\r\nHost: 127.0.0.1:PORT\r\n\r\n")
        .endsWith("\r\n\r\npath /en/café.html\n"));
  }

  @Test
  void rawControlBytesAndBrokenHeadersGet400() throws IOException {
    assertEquals(400, status(raw("GET /\u0000 HTTP/1.1\r\nHost: 127.0.0.1:PORT\r\n\r\n")));
    assertEquals(400, status(raw("GET /\u00e9 HTTP/1.1\r\nHost: 127.0.0.1:PORT\r\n\r\n")));
    assertEquals(400, status(raw("GET / HTTP/1.1\r\nHost: 127.0.0.1:PORT\u0000\r\n\r\n")));
    assertEquals(400, status(raw("GET / HTTP/1.1\r\nHost: 127.0.0.1:PORT\r\nno colon here\r\n\r\n")));
    assertEquals(400, status(raw("GET / HTTP/1.1\r\nHost : 127.0.0.1:PORT\r\n\r\n")));
    assertEquals(400, status(raw("GET / HTTP/1.1\r\nHost: 127.0.0.1:PORT\r\n")), "closed before the head ended");
    assertEquals(431, status(raw("GET / HTTP/1.1\r\nHost: 127.0.0.1:PORT\r\nX: " + "a".repeat(20_000) + "\r\n\r\n")));
    String head = raw("HEAD / HTTP/1.1\r\nHost: 127.0.0.1:PORT\r\n\r\n");
    assertTrue(head.endsWith("\r\n\r\n"), "HEAD has no body: " + head);
    assertTrue(head.contains("\r\nX-Content-Type-Options: nosniff\r\n"), head);
  }
}
