package io.github.gradproof.render;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.RefNode;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.TextBase;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TableSeparator;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.Escaping;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Quiz text as Markdown for the mirrors ({@code site/md/}), as safe as the HTML pages under any
 * CommonMark renderer: a field is parsed with the same parser as the pages, and written back from
 * its syntax tree, so nothing in it is copied through unparsed. Paragraphs, emphasis, code spans
 * and blocks, lists, block quotes, headings, tables and links come back as Markdown; raw HTML
 * (inline or block) comes back as escaped text, shown, never live; links keep their destination
 * only under {@link LinkPolicy}; images are dropped, as on the pages.
 *
 * <p>Text is escaped so that no character of it can start a construct: {@code \ * _ [ ] < > | ~ #
 * &} get a backslash, a backtick becomes {@code &#96;}, a {@code !} before a link is escaped, and a
 * line never starts with a list, heading, quote or rule marker. Code spans get a fence longer than
 * any run of backticks inside them. One cosmetic difference from the pages remains possible:
 * emphasis whose delimiters touch escaped punctuation ({@code ***<*}) may show its asterisks.
 */
public final class MirrorMarkdown {

  private static final Pattern ORDERED_MARKER = Pattern.compile("^([0-9]{1,9})([.)])");
  private static final Pattern LINE_BREAKS = Pattern.compile("\\R");

  /**
   * Reads fields as the pages do (flexmark with tables); immutable, so shared by all threads. Built
   * at the first field that needs a parse (class initialisation makes that thread-safe), so a
   * course whose fields are all plain never loads it.
   */
  private static final class Full {
    static final Parser PARSER = Parser.builder(
        new MutableDataSet().set(Parser.EXTENSIONS, List.of(TablesExtension.create()))).build();
  }

  private MirrorMarkdown() {}

  /** A block field (summary, prompt, explanation) as safe Markdown blocks, without a final newline. */
  public static String block(String markdown) {
    return isPlainLine(markdown) || isPlainField(markdown) ? markdown : parsedBlock(markdown);
  }

  /** {@link #block} through the parser, whatever the text. */
  static String parsedBlock(String markdown) {
    Document document = Full.PARSER.parse(markdown);
    return new Writer(document).blocks(document, false);
  }

  /** A one-line field (title, choice) as safe inline Markdown on one line. */
  public static String inline(String markdown) {
    return isPlainLine(markdown) || isPlainField(markdown) ? markdown : parsedInline(markdown);
  }

  /** {@link #inline} through the parser, whatever the text. */
  static String parsedInline(String markdown) {
    Document document = Full.PARSER.parse(markdown);
    return guardLineStart(new Writer(document).flat(document));
  }

  /**
   * Whether {@code markdown} is one line of words that no Markdown construct can read differently:
   * it starts with a letter (or Spanish's {@code ¿} or {@code ¡}), ends with neither a space nor a
   * {@code !}, and holds only letters, digits, single spaces, the ASCII marks
   * {@code . , ; : ? ' " ( ) / + = % - @ ^}, an underscore between two ASCII letters or digits
   * ({@code one_hot}: it can neither open nor close emphasis),
   * and outside ASCII the dashes, quotes, punctuation, math and other symbols and numbers
   * ({@code — → ≈ ≤ ε² « » …}). None of these starts an inline construct, and no block marker can
   * follow a letter, so such a field parses to one paragraph of that very text, which the mirror
   * writes back unchanged: it is written as is without a parse (most titles and choices; parsing
   * every field was a tenth of a large build's time). Spaces other than U+0020, line and paragraph
   * separators, controls, format characters and surrogates are left to the parser.
   * {@code MirrorMarkdownTest} checks this against the full parse on generated lines.
   */
  static boolean isPlainLine(String markdown) {
    if (markdown.isEmpty() || !(Character.isLetter(markdown.charAt(0)) || isOpeningMark(markdown.charAt(0)))) {
      return false;
    }
    char last = markdown.charAt(markdown.length() - 1);
    if (last == ' ' || last == '!') {
      return false;
    }
    for (int i = 1; i < markdown.length(); i++) {
      if (!isPlainAt(markdown, i)) {
        return false;
      }
    }
    return true;
  }

  /** Whether character {@code i} (not the first) of a candidate plain line is plain; see {@link #isPlainLine}. */
  private static boolean isPlainAt(String line, int i) {
    char c = line.charAt(i);
    if (c < 0x80) {
      if (PlainMarkdown.isAsciiLetterOrDigit(c)) {
        return true;
      } else if (c == ' ') {
        return line.charAt(i - 1) != ' ';
      } else if (c == '_') {
        return PlainMarkdown.intraword(line, i);
      }
      return ".,;:?'\"()/+=%-@^".indexOf(c) >= 0;
    }
    return switch (Character.getType(c)) {
      case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
          Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER,
          Character.OTHER_NUMBER, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
          Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
          Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
      default -> false;
    };
  }

  /** Spanish's opening {@code ¿} and {@code ¡}: like a letter, they start no Markdown construct. */
  private static boolean isOpeningMark(char c) {
    return c == '\u00bf' || c == '\u00a1';
  }

  /**
   * Whether {@code markdown} is the common one-line field of words, single-backtick code spans and
   * simple emphasis that the pages render without a parse ({@link PlainMarkdown}), without a
   * {@code !}: its text holds no character the mirror escapes, its code spans need no wider fence
   * or padding, its emphasis is written back with the same {@code *} runs, and it cannot start a
   * list or a heading, so the parse would write it back unchanged. Most prompts and explanations
   * are such fields. {@code MirrorMarkdownTest} checks this against the parse.
   */
  static boolean isPlainField(String markdown) {
    return markdown.indexOf('!') < 0 && PlainMarkdown.inlineHtml(markdown) != null;
  }

  /** Plain text (UI strings, shapes, reasons) as Markdown that shows exactly that text. */
  public static String text(String plain) {
    StringBuilder out = new StringBuilder(plain.length() + 8);
    escape(oneLine(plain), out);
    return out.toString();
  }

  /** Plain text for the start of a line (no list, heading or quote marker can form). */
  public static String lineText(String plain) {
    return guardLineStart(text(plain));
  }

  /** A code span showing {@code literal} exactly, whatever backticks it holds. */
  public static String code(String literal) {
    return code(literal, false);
  }

  /** A code span inside a table cell, where {@code |} must be escaped even in code. */
  public static String cellCode(String literal) {
    return code(literal, true);
  }

  private static String code(String literal, boolean inTable) {
    String content = oneLine(literal);
    if (content.isEmpty()) {
      return "";
    }
    int longest = longestRun(content, '`');
    String fence = "`".repeat(longest + 1);
    boolean pad = content.startsWith("`") || content.endsWith("`")
        || (content.startsWith(" ") && content.endsWith(" ") && !content.isBlank());
    if (inTable) {
      content = content.replace("|", "\\|");
    }
    return pad ? fence + " " + content + " " + fence : fence + content + fence;
  }

  /** Escapes one run of literal text; {@code !} only at the end, where a link may follow. */
  private static void escape(String text, StringBuilder out) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '`' -> out.append("&#96;");
        case '\\', '*', '[', ']', '<', '>', '|', '~', '#', '&' -> out.append('\\').append(c);
        case '_' -> {
          boolean inWord = i > 0 && i + 1 < text.length() && Character.isLetterOrDigit(text.charAt(i - 1))
              && Character.isLetterOrDigit(text.charAt(i + 1));
          out.append(inWord ? "_" : "\\_"); // an underscore inside a word cannot start emphasis
        }
        case '!' -> out.append(i == text.length() - 1 ? "\\!" : "!");
        default -> out.append(c);
      }
    }
  }

  /** Keeps a line from starting a list, a setext underline or a rule: escapes its first marker. */
  private static String guardLineStart(String line) {
    String stripped = line.stripLeading();
    if (stripped.isEmpty()) {
      return stripped;
    }
    char first = stripped.charAt(0);
    if (first == '-' || first == '+' || first == '=') {
      return "\\" + stripped;
    }
    var m = ORDERED_MARKER.matcher(stripped);
    if (m.find()) {
      return m.group(1) + "\\" + m.group(2) + stripped.substring(m.end());
    }
    return stripped;
  }

  /**
   * {@code text} with each line break (what {@code \R} matches: CR LF, or one of LF, VT, FF, CR, NEL,
   * LS and PS) replaced by a space. Most texts have none and are returned after one scan, without a
   * regular-expression match (1.4 % of a 1,000-phase build's samples).
   */
  private static String oneLine(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (isLineBreak(text.charAt(i))) {
        return LINE_BREAKS.matcher(text).replaceAll(" ");
      }
    }
    return text;
  }

  private static boolean isLineBreak(char c) {
    return c >= '\n' && c <= '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
  }

  private static int longestRun(String text, char c) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      run = text.charAt(i) == c ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return longest;
  }

  /**
   * A link destination that reads back as {@code href}: characters with a meaning in Markdown are
   * backslash-escaped, spaces, controls, angle brackets and non-ASCII characters percent-encoded.
   */
  private static String destination(String href) {
    StringBuilder out = new StringBuilder(href.length() + 8);
    for (byte b : href.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if (c == '(' || c == ')' || c == '&' || c == '*' || c == '_' || c == '`') {
        out.append('\\').append((char) c);
      } else if (c > 0x20 && c < 0x7F && c != '<' && c != '>' && c != '\\' && c != '"' && c != '\''
          && c != '{' && c != '}' && c != '|' && c != '^') {
        out.append((char) c);
      } else {
        out.append('%').append(String.format("%02X", c));
      }
    }
    return out.toString();
  }

  /** Writes one parsed field back as Markdown. */
  private static final class Writer {

    private final Document document;

    Writer(Document document) {
      this.document = document;
    }

    /** The block children of {@code parent}, separated by blank lines (one newline when tight). */
    String blocks(Node parent, boolean tight) {
      List<String> parts = new ArrayList<>();
      for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
        String block = block(child);
        if (!block.isEmpty()) {
          parts.add(block);
        }
      }
      return String.join(tight ? "\n" : "\n\n", parts);
    }

    private String block(Node node) {
      if (node instanceof Paragraph) {
        return paragraph(node);
      } else if (node instanceof Heading heading) {
        String text = inlines(heading, false);
        return text.isEmpty() ? "" : "#".repeat(heading.getLevel()) + " " + text;
      } else if (node instanceof FencedCodeBlock || node instanceof IndentedCodeBlock) {
        return codeBlock((Block) node);
      } else if (node instanceof ListBlock list) {
        return list(list);
      } else if (node instanceof BlockQuote) {
        return prefixLines(blocks(node, false), "> ", "> ");
      } else if (node instanceof ThematicBreak) {
        return "---";
      } else if (node instanceof TableBlock) {
        return table(node);
      } else if (node instanceof Reference) {
        return ""; // a link reference definition shows nothing; its links are written inline
      }
      // Raw HTML blocks and anything else: the source, shown as text.
      return guardLineStart(text(node.getChars().toString().strip()));
    }

    private String paragraph(Node paragraph) {
      StringBuilder lines = new StringBuilder();
      for (String line : inlines(paragraph, false).split("\n", -1)) {
        if (lines.length() > 0) {
          lines.append('\n');
        }
        lines.append(guardLineStart(line));
      }
      return lines.toString();
    }

    private String codeBlock(Block block) {
      String content = block.getContentChars().toString();
      String fence = "`".repeat(Math.max(3, longestRun(content, '`') + 1));
      String info = "";
      if (block instanceof FencedCodeBlock fenced) {
        String word = fenced.getInfo().toString().strip().split("\\s+", 2)[0];
        info = word.matches("[A-Za-z0-9_+.#-]*") ? word : "";
      }
      String body = content.endsWith("\n") || content.isEmpty() ? content : content + "\n";
      return fence + info + "\n" + body + fence;
    }

    private String list(ListBlock list) {
      List<String> items = new ArrayList<>();
      int number = list instanceof OrderedList ordered ? ordered.getStartNumber() : 0;
      for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
        String marker = list instanceof BulletList ? "- " : number++ + (list instanceof OrderedList o
            && o.getDelimiter() == ')' ? ") " : ". ");
        String content = blocks(item, list.isTight());
        items.add(content.isEmpty() ? marker.strip() : prefixLines(content, marker, " ".repeat(marker.length())));
      }
      return String.join(list.isTight() ? "\n" : "\n\n", items);
    }

    private String table(Node table) {
      List<String> rows = new ArrayList<>();
      for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
        for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
          if (row instanceof TableRow) {
            rows.add(section instanceof TableSeparator ? separator(row) : row(row));
          }
        }
      }
      return String.join("\n", rows);
    }

    private String row(Node row) {
      StringBuilder out = new StringBuilder("|");
      for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
        out.append(' ').append(inlines(cell, true).replace('\n', ' ')).append(" |");
      }
      return out.toString();
    }

    private String separator(Node row) {
      StringBuilder out = new StringBuilder("|");
      for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
        TableCell.Alignment alignment = cell instanceof TableCell c ? c.getAlignment() : null;
        String dashes = alignment == TableCell.Alignment.LEFT ? ":---" : alignment == TableCell.Alignment.CENTER
            ? ":---:" : alignment == TableCell.Alignment.RIGHT ? "---:" : "---";
        out.append(dashes).append('|');
      }
      return out.toString();
    }

    /** Every piece of text of a field on one line (for titles and choices). */
    String flat(Node parent) {
      List<String> parts = new ArrayList<>();
      for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
        String part;
        if (child instanceof Paragraph || child instanceof Heading || child instanceof TableCell) {
          // Every newline of inline Markdown ends a hard line break ("\" and a newline): on one
          // line, the break is a space (a "\" before a space would show as a backslash).
          part = inlines(child, false).replace("\\\n", " ");
        } else if (child instanceof FencedCodeBlock || child instanceof IndentedCodeBlock) {
          part = code(((Block) child).getContentChars().toString().strip());
        } else if (child instanceof Reference || child instanceof TableSeparator) {
          part = "";
        } else if (child.hasChildren() && child instanceof Block) {
          part = flat(child);
        } else {
          part = text(child.getChars().toString().strip());
        }
        if (!part.isBlank()) {
          parts.add(part.strip());
        }
      }
      return String.join(" ", parts);
    }

    /** The inline content of a block, trimmed: its line may not start or end with spaces. */
    String inlines(Node block, boolean inTable) {
      return inner(block, inTable).strip();
    }

    /** The inline children of {@code parent}; hard line breaks become {@code \} and a newline. */
    private String inner(Node parent, boolean inTable) {
      StringBuilder out = new StringBuilder();
      for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
        inline(child, out, inTable);
      }
      return out.toString();
    }

    private void inline(Node node, StringBuilder out, boolean inTable) {
      if (node instanceof Text || node instanceof HtmlEntity) {
        escape(Escaping.unescapeString(node.getChars().toString()), out);
      } else if (node instanceof TextBase) {
        out.append(inner(node, inTable));
      } else if (node instanceof Code codeSpan) {
        out.append(code(codeText(codeSpan, inTable), inTable));
      } else if (node instanceof StrongEmphasis) {
        out.append("**").append(inner(node, inTable)).append("**");
      } else if (node instanceof Emphasis) {
        out.append('*').append(inner(node, inTable)).append('*');
      } else if (node instanceof SoftLineBreak) {
        out.append(' ');
      } else if (node instanceof HardLineBreak) {
        out.append(inTable ? " " : "\\\n");
      } else if (node instanceof Image || node instanceof ImageRef && ((ImageRef) node).isDefined()) {
        // Images are dropped, as on the pages (LinkPolicy.imagesAllowed).
      } else if (node instanceof Link link) {
        link(Escaping.unescapeString(link.getUrl().toString()), inner(node, inTable), out);
      } else if (node instanceof LinkRef ref && ref.isDefined()) {
        Reference target = ref.getReferenceNode(document);
        String url = target == null ? "" : Escaping.unescapeString(target.getUrl().toString());
        link(url, inner(node, inTable), out);
      } else if (node instanceof AutoLink auto) {
        String url = Escaping.unescapeString(auto.getUrl().toString());
        link(url, text(url), out);
      } else if (node instanceof MailLink mail) {
        String address = mail.getText().toString();
        link("mailto:" + address, text(address), out);
      } else if (node instanceof RefNode ref) {
        undefinedReference(ref, out, inTable);
      } else {
        // Raw inline HTML, comments, undefined references and anything else: shown as text.
        escape(oneLine(node.getChars().toString()), out);
      }
    }

    /**
     * {@code [text]}, {@code [text][]} or {@code [text][ref]} without a definition: shown as text,
     * as the pages show it. The parser trims the children of the brackets, so the spaces around
     * them come from the source.
     */
    private void undefinedReference(RefNode ref, StringBuilder out, boolean inTable) {
      String source = ref.getChars().toString();
      int open = source.indexOf('[');
      int close;
      String rest;
      if (!ref.isReferenceTextCombined()) {
        close = ref.getReferenceOpeningMarker().getStartOffset() - ref.getChars().getStartOffset() - 1;
        rest = "\\[" + text(Escaping.unescapeString(source.substring(close + 2, source.length() - 1))) + "\\]";
      } else if (source.endsWith("[]") && source.length() - open > 3) {
        close = source.length() - 3;
        rest = "\\[\\]";
      } else {
        close = source.length() - 1;
        rest = "";
      }
      String inside = open >= 0 && close > open ? source.substring(open + 1, close) : "";
      String text = inside.substring(0, inside.length() - inside.stripLeading().length()) + inner(ref, inTable)
          + (inside.isBlank() ? "" : inside.substring(inside.stripTrailing().length()));
      out.append(ref instanceof ImageRef ? "!" : "").append("\\[").append(text).append("\\]").append(rest);
    }

    private void link(String url, String text, StringBuilder out) {
      String href = LinkPolicy.allowedHref(url);
      if (href == null || text.isEmpty()) {
        out.append(text);
      } else {
        out.append('[').append(text).append("](").append(destination(href)).append(')');
      }
    }

    /** The literal content of a code span, as CommonMark reads it (and GFM in a table cell). */
    private static String codeText(Code code, boolean inTable) {
      String text = oneLine(code.getText().toString());
      if (text.startsWith(" ") && text.endsWith(" ") && !text.isBlank() && text.length() >= 2) {
        text = text.substring(1, text.length() - 1);
      }
      return inTable ? text.replace("\\|", "|") : text;
    }

    private static String prefixLines(String content, String first, String rest) {
      StringBuilder out = new StringBuilder();
      String[] lines = content.split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        String prefix = i == 0 ? first : rest;
        out.append(lines[i].isEmpty() ? prefix.stripTrailing() : prefix + lines[i]);
        if (i < lines.length - 1) {
          out.append('\n');
        }
      }
      return out.toString();
    }
  }
}
