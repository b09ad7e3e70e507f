package io.github.gradproof.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.gradproof.diag.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkCheckerTest {

  @TempDir Path root;

  @Test
  void reportsBrokenLinksMissingFragmentsDuplicateIdsAndNetworkResources() throws IOException {
    write("index.html", "<a href=\"a.html#there\">a</a>\n<a href=\"a.html#nowhere\">b</a><a href=\"#self\">s</a>"
        + "\n<a href=\"//evil.example/x\">c</a><script src=\"//cdn.example/x.js\"></script>");
    write("a.html", "<p id=there></p><p id=there></p><img src=\"https://cdn.example/x.png\">"
        + "<a href=\"missing.html\">m</a><a href=\"javascript:x()\">j</a><a href=\"https://ok.example/\">ok</a>");
    List<String> problems = new LinkChecker(root, "site").check().stream().map(Diagnostic::format).toList();
    assertEquals(List.of(
        "site/a.html:1:17: duplicate id 'there' on one page; make question ids and template ids unique",
        "site/a.html:1:33: resource 'https://cdn.example/x.png' would load from the network at view time; ship it"
            + " under templates/assets/",
        "site/a.html:1:70: link 'missing.html' points to a file that is not in the site",
        "site/a.html:1:98: link 'javascript:x()' uses a scheme the site does not allow",
        "site/index.html:2:1: link 'a.html#nowhere' names an id that the target page does not have",
        "site/index.html:2:31: link '#self' names an id that the target page does not have",
        "site/index.html:3:1: link '//evil.example/x' is protocol-relative: it leaves the site for the host"
            + " 'evil.example'; write the full address (https://...) for a page of another site, or a relative link"
            + " into this one",
        "site/index.html:3:33: resource '//cdn.example/x.js' would load from the network at view time; ship it"
            + " under templates/assets/"), problems);
  }

  @Test
  void scannedPagesNeedNotBeReadAgain() throws IOException {
    write("a.html", "<p id=x></p>");
    LinkChecker checker = new LinkChecker(root, "site");
    checker.scan("b.html", "<a href=\"a.html#x\">ok</a><a href=\"a.html#y\">bad</a>");
    Files.writeString(root.resolve("b.html"), "ignored", StandardCharsets.UTF_8);
    assertEquals(List.of("site/b.html:1:26: link 'a.html#y' names an id that the target page does not have"),
        checker.check().stream().map(Diagnostic::format).toList());
  }

  private void write(String name, String html) throws IOException {
    Files.writeString(root.resolve(name), html, StandardCharsets.UTF_8);
  }
}
