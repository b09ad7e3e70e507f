package io.github.gradproof.dev;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The head of one HTTP/1.x request (request line and header fields), read strictly and with
 * bounds: at most {@value #MAX_HEAD_BYTES} bytes, before a deadline, printable ASCII only. A request
 * that breaks a rule becomes a {@link Refusal} with the status to answer (400 for anything
 * malformed, such as a NUL anywhere or a bad percent-escape in the path; 408 when the deadline
 * passes; 431 when the head is too large; 505 for another HTTP version).
 *
 * @param method the request method, e.g. {@code GET}
 * @param path the decoded path, always starting with {@code /}, without {@code .} or {@code ..}
 *     segments, without control characters or backslashes; the query is dropped
 * @param headers header fields by lower-case name (a repeated field keeps its first value)
 */
public record HttpRequestHead(String method, String path, Map<String, String> headers) {

  /** Largest request head read, in bytes. */
  static final int MAX_HEAD_BYTES = 16 * 1024;
  private static final int MAX_HEADERS = 100;

  /** A request this server will not serve, and the status that says why. */
  public static final class Refusal extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;

    Refusal(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }

    /** The HTTP status to answer with. */
    public int status() {
      return status;
    }
  }

  /**
   * Reads a request head from a socket, waiting at most until {@code deadlineNanos} (a
   * {@link System#nanoTime()} value) in total, however slowly the bytes come.
   */
  static HttpRequestHead read(Socket socket, long deadlineNanos) throws IOException, Refusal {
    List<String> lines = readLines(socket, deadlineNanos);
    String[] request = lines.get(0).split(" ", -1);
    if (request.length != 3 || !request[0].matches("[A-Z]{1,16}")) {
      throw new Refusal(400, "malformed request line");
    }
    if (!request[2].equals("HTTP/1.1") && !request[2].equals("HTTP/1.0")) {
      throw new Refusal(request[2].matches("HTTP/[0-9](\\.[0-9])?") ? 505 : 400, "unsupported HTTP version");
    }
    return new HttpRequestHead(request[0], path(request[1]), headers(lines.subList(1, lines.size())));
  }

  /** The request line and header lines, without their line ends, up to the empty line. */
  private static List<String> readLines(Socket socket, long deadlineNanos) throws IOException, Refusal {
    InputStream in = new java.io.BufferedInputStream(socket.getInputStream(), 1024);
    List<String> lines = new ArrayList<>();
    ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    int total = 0;
    while (true) {
      int b = readByte(socket, in, deadlineNanos);
      if (b < 0) {
        throw new Refusal(400, "the connection closed before the request was complete");
      }
      if (++total > MAX_HEAD_BYTES) {
        throw new Refusal(431, "request head over " + MAX_HEAD_BYTES + " bytes");
      }
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        if (length == 0 && !lines.isEmpty()) {
          return lines;
        }
        if (length > 0 || !lines.isEmpty()) { // an empty line before the request line is ignored
          lines.add(new String(bytes, 0, length, StandardCharsets.US_ASCII));
        }
        line.reset();
      } else if (b == '\r' || b == '\t' || (b >= 0x20 && b < 0x7F)) {
        line.write(b);
      } else {
        throw new Refusal(400, String.format(Locale.ROOT, "byte 0x%02X is not allowed in a request head", b));
      }
    }
  }

  private static int readByte(Socket socket, InputStream in, long deadlineNanos) throws IOException, Refusal {
    long left = deadlineNanos - System.nanoTime();
    if (left <= 0) {
      throw new Refusal(408, "the request head did not arrive in time");
    }
    socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, left / 1_000_000)));
    try {
      return in.read();
    } catch (SocketTimeoutException e) {
      throw new Refusal(408, "the request head did not arrive in time");
    }
  }

  private static Map<String, String> headers(List<String> lines) throws Refusal {
    if (lines.size() > MAX_HEADERS) {
      throw new Refusal(431, "more than " + MAX_HEADERS + " header fields");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line : lines) {
      int colon = line.indexOf(':');
      if (colon <= 0 || !line.substring(0, colon).matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
        throw new Refusal(400, "malformed header field");
      }
      String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).strip();
      if (name.equals("host") && headers.containsKey("host")) {
        throw new Refusal(400, "more than one Host header");
      }
      headers.putIfAbsent(name, value);
    }
    return headers;
  }

  /** Decodes and checks the path of a request target such as {@code /en/index.html?x=1}. */
  static String path(String target) throws Refusal {
    if (!target.startsWith("/")) {
      throw new Refusal(400, "the request target must be a path starting with /");
    }
    int end = target.length();
    for (char stop : new char[] {'?', '#'}) {
      int at = target.indexOf(stop);
      if (at >= 0 && at < end) {
        end = at;
      }
    }
    String decoded = percentDecode(target.substring(0, end));
    for (int i = 0; i < decoded.length(); i++) {
      char c = decoded.charAt(i);
      if (c < 0x20 || c == 0x7F || c == '\\') {
        throw new Refusal(400, "the path holds a control character or a backslash");
      }
    }
    StringBuilder path = new StringBuilder();
    for (String segment : decoded.split("/", -1)) {
      if (segment.equals(".") || segment.equals("..")) {
        throw new Refusal(400, "the path holds a . or .. segment");
      }
      if (!segment.isEmpty()) {
        path.append('/').append(segment);
      }
    }
    return decoded.endsWith("/") || path.length() == 0 ? path + "/" : path.toString();
  }

  private static String percentDecode(String raw) throws Refusal {
    ByteBuffer bytes = ByteBuffer.allocate(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0
            || Character.digit(raw.charAt(i + 2), 16) < 0) {
          throw new Refusal(400, "malformed percent-escape in the path");
        }
        bytes.put((byte) Integer.parseInt(raw.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        bytes.put((byte) c);
      }
    }
    bytes.flip();
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
    } catch (CharacterCodingException e) {
      throw new Refusal(400, "the path is not valid UTF-8 once decoded");
    }
  }
}
