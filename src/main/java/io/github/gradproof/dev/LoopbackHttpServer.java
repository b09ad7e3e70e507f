package io.github.gradproof.dev;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A small HTTP/1.1 server for the live preview, on {@code 127.0.0.1} only, that a web page
 * elsewhere cannot use and a slow or broken client cannot stall:
 *
 * <ul>
 *   <li>only the Host names of this machine are answered ({@code 127.0.0.1}, {@code localhost},
 *       {@code [::1]}, with this server's port): any other Host gets 421, so a DNS-rebinding page
 *       cannot read the preview;
 *   <li>each connection has its own worker (up to {@value #MAX_CONNECTIONS} at once; more get 503)
 *       and a deadline for its whole request head, so clients that send slowly or not at all
 *       neither block others nor hold a worker for long;
 *   <li>a malformed request (NUL or non-ASCII bytes, a bad percent-escape, {@code ..}, a missing
 *       Host) gets 400, never a silently dropped connection;
 *   <li>only GET and HEAD are served (405 otherwise); one request per connection.
 * </ul>
 */
public final class LoopbackHttpServer implements AutoCloseable {

  /** Connections served at once. */
  static final int MAX_CONNECTIONS = 32;
  /** Default time a client has to send its whole request head. */
  static final Duration HEAD_TIMEOUT = Duration.ofSeconds(10);

  private static final Map<Integer, String> REASONS = Map.ofEntries(
      Map.entry(200, "OK"), Map.entry(400, "Bad Request"), Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"),
      Map.entry(405, "Method Not Allowed"), Map.entry(408, "Request Timeout"), Map.entry(421, "Misdirected Request"),
      Map.entry(431, "Request Header Fields Too Large"), Map.entry(500, "Internal Server Error"),
      Map.entry(503, "Service Unavailable"), Map.entry(505, "HTTP Version Not Supported"));

  /** Answers one request. */
  @FunctionalInterface
  public interface Handler {
    /** The response to a checked request (GET or HEAD, from this machine's Host, with a clean path). */
    Response handle(HttpRequestHead request) throws IOException;
  }

  /** A complete response. */
  public record Response(int status, String contentType, byte[] body) {
    /** A plain-text response. */
    public static Response text(int status, String message) {
      return new Response(status, "text/plain; charset=utf-8", (message + "\n").getBytes(StandardCharsets.UTF_8));
    }
  }

  private final ServerSocket socket;
  private final Handler handler;
  private final Duration headTimeout;
  private final ThreadPoolExecutor workers;
  private final Set<String> hosts;
  private final Thread acceptor;

  /**
   * Binds the port on {@code 127.0.0.1}; nothing is served until {@link #start()}.
   *
   * @param port the port, or 0 for any free one
   * @param headTimeout how long a client may take to send its request head
   */
  public LoopbackHttpServer(int port, Handler handler, Duration headTimeout) {
    try {
      this.socket = new ServerSocket();
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port), 64);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port + " (is another server using it?)", e);
    }
    this.handler = handler;
    this.headTimeout = headTimeout;
    int bound = socket.getLocalPort();
    this.hosts = bound == 80
        ? Set.of("127.0.0.1:80", "localhost:80", "[::1]:80", "127.0.0.1", "localhost", "[::1]")
        : Set.of("127.0.0.1:" + bound, "localhost:" + bound, "[::1]:" + bound);
    this.workers = new ThreadPoolExecutor(0, MAX_CONNECTIONS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
        runnable -> daemon(runnable, "gradproof-serve"));
    this.acceptor = daemon(this::acceptLoop, "gradproof-serve-accept");
  }

  /** The bound port. */
  public int port() {
    return socket.getLocalPort();
  }

  /** Whether the listening socket is still open (false once {@link #close()} ran). */
  public boolean isListening() {
    return !socket.isClosed();
  }

  /** Starts accepting connections. */
  public void start() {
    acceptor.start();
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // Closing a listening socket cannot lose anything.
    }
    workers.shutdownNow();
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      Socket connection;
      try {
        connection = socket.accept();
      } catch (IOException e) {
        continue; // closed (the loop ends) or a failed accept (the next one may work)
      }
      try {
        workers.execute(() -> serve(connection));
      } catch (RejectedExecutionException e) {
        refuseBusy(connection);
      }
    }
  }

  private void refuseBusy(Socket connection) {
    try (connection) {
      connection.setSoTimeout(1000);
      write(connection, "GET", Response.text(503, "too many connections; try again"));
    } catch (IOException e) {
      // The client is gone: nothing to answer.
    }
  }

  private void serve(Socket connection) {
    try (connection) {
      long deadline = System.nanoTime() + headTimeout.toNanos();
      HttpRequestHead request;
      try {
        request = HttpRequestHead.read(connection, deadline);
        check(request);
      } catch (HttpRequestHead.Refusal refusal) {
        write(connection, "GET", Response.text(refusal.status(), refusal.getMessage()));
        return;
      }
      Response response;
      try {
        response = handler.handle(request);
      } catch (IOException | RuntimeException e) {
        response = Response.text(500, "cannot serve " + request.path() + ": " + e);
      }
      write(connection, request.method(), response);
    } catch (IOException e) {
      // The client went away mid-response: nothing left to do for it.
    }
  }

  /** Refuses another machine's Host, a missing Host and methods other than GET and HEAD. */
  private void check(HttpRequestHead request) throws HttpRequestHead.Refusal {
    String host = request.headers().get("host");
    if (host == null) {
      throw new HttpRequestHead.Refusal(400, "missing Host header");
    }
    if (!hosts.contains(host.toLowerCase(Locale.ROOT))) {
      throw new HttpRequestHead.Refusal(421, "this preview answers only to http://127.0.0.1:" + port()
          + "/ and http://localhost:" + port() + "/");
    }
    if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
      throw new HttpRequestHead.Refusal(405, "only GET and HEAD are served");
    }
  }

  private static void write(Socket connection, String method, Response response) throws IOException {
    StringBuilder head = new StringBuilder(256);
    head.append("HTTP/1.1 ").append(response.status()).append(' ')
        .append(REASONS.getOrDefault(response.status(), "Status")).append("\r\n")
        .append("Content-Type: ").append(response.contentType()).append("\r\n")
        .append("Content-Length: ").append(response.body().length).append("\r\n")
        .append("Cache-Control: no-store\r\n")
        .append("X-Content-Type-Options: nosniff\r\n")
        .append("Connection: close\r\n");
    if (response.status() == 405) {
      head.append("Allow: GET, HEAD\r\n");
    }
    head.append("\r\n");
    OutputStream out = connection.getOutputStream();
    out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
    if (!method.equals("HEAD")) {
      out.write(response.body());
    }
    out.flush();
    connection.shutdownOutput();
  }

  private static Thread daemon(Runnable runnable, String name) {
    Thread thread = new Thread(runnable, name);
    thread.setDaemon(true);
    return thread;
  }
}
