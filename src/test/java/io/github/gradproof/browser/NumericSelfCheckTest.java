package io.github.gradproof.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.CourseFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * Numeric questions in Chromium, in every language: a right and a wrong number, the tolerance's
 * edges, the worked value once the answer is open, "Another variant" showing new inputs with their
 * own answer, progress kept across a reload and cleared by the reset, the keyboard alone, what a
 * screen reader is given, and the page without JavaScript.
 */
class NumericSelfCheckTest {

  private static Browser browser;

  @BeforeEach
  void startBrowser() {
    TestSite.root();
    browser = Browser.shared();
  }

  @AfterEach
  void forgetProgress() {
    if (browser != null) {
      browser.js("try { localStorage.clear(); } catch (e) {}");
      browser.driver().executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", false));
    }
  }

  static List<String> languages() {
    return TestSite.languages();
  }

  /** The first phase page of a language with a numeric question. */
  static Path numericPage(String language) {
    return TestSite.phasePages(language).stream().filter(p -> read(p).contains("data-kind=\"numeric\"")).findFirst()
        .orElseThrow(() -> new AssertionError("the fixture has a numeric question in " + language));
  }

  private static String read(Path page) {
    try {
      return Files.readString(page, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void openFresh(String language) {
    browser.open(numericPage(language));
    browser.js("localStorage.clear();");
    browser.driver().navigate().refresh();
  }

  private WebElement form() {
    return browser.driver().findElement(By.cssSelector("form[data-kind=numeric]"));
  }

  private WebElement question(WebElement form) {
    return browser.driver().findElement(By.id(form.getDomAttribute("data-question")));
  }

  private static WebElement field(WebElement form) {
    return form.findElement(By.cssSelector("input[type=text]"));
  }

  private static String result(WebElement form) {
    return form.findElement(By.cssSelector(".selfcheck-result")).getDomProperty("textContent");
  }

  private static String message(WebElement form, String key) {
    return form.getDomAttribute("data-msg-" + key);
  }

  /** The template of the variant the form shows. */
  private WebElement shown(WebElement form) {
    String number = form.getDomAttribute("data-variant") == null ? "1" : form.getDomAttribute("data-variant");
    return question(form).findElement(By.cssSelector("template.numeric-variant[data-variant='" + number + "']"));
  }

  private static double answer(WebElement template) {
    return Double.parseDouble(template.getDomAttribute("data-answer"));
  }

  private void answerWith(WebElement form, String number) {
    WebElement input = field(form);
    input.clear();
    input.sendKeys(number);
    form.findElement(By.cssSelector(".selfcheck-button")).click();
  }

  private String inputsHtml(WebElement form) {
    return question(form).findElement(By.cssSelector(".variant-inputs")).getDomProperty("innerHTML");
  }

  /**
   * A row of cross-entropy's gradient summed is exactly 0, computed with roundoff ({@code -8.3e-17} and
   * the like, which {@code verification.json} keeps): every variant shows 0, in the answer, its
   * explanation and the proof's table, and under {@code {abs: 0}} a reader who types the 0 shown is
   * told it is right in every variant, while a number a millionth off is refused.
   */
  @ParameterizedTest
  @MethodSource("languages")
  void anAnswerThatIsZeroUpToRoundoffIsShownAsZeroAndZeroIsRight(String language) throws IOException {
    List<Double> computed = new java.util.ArrayList<>();
    com.google.gson.JsonObject json = com.google.gson.JsonParser.parseString(
        Files.readString(TestSite.root().resolve("verification.json"), StandardCharsets.UTF_8)).getAsJsonObject();
    for (com.google.gson.JsonElement phase : json.getAsJsonArray("phases")) {
      for (com.google.gson.JsonElement q : phase.getAsJsonObject().getAsJsonArray("questions")) {
        if (q.getAsJsonObject().get("id").getAsString().equals("q-10-02")) {
          q.getAsJsonObject().getAsJsonArray("variants").forEach(v -> computed.add(
              v.getAsJsonObject().get("answer").getAsDouble()));
        }
      }
    }
    assertTrue(computed.stream().anyMatch(a -> a != 0 && Math.abs(a) < 1e-15),
        "the fixture's answers carry roundoff: " + computed);
    browser.open(TestSite.root().resolve(language).resolve(CourseFixture.WIDE_CLAIMS_PAGE + ".html"));
    browser.js("localStorage.clear();");
    browser.driver().navigate().refresh();
    WebElement form = form();
    assertEquals("q-10-02", form.getDomAttribute("data-question"));
    List<WebElement> variants = question(form).findElements(By.cssSelector("template.numeric-variant"));
    assertEquals(computed.size(), variants.size());
    for (WebElement template : variants) {
      String number = template.getDomAttribute("data-variant");
      assertEquals("0", template.getDomAttribute("data-answer-text"), "variant " + number);
      assertEquals(0.0, answer(template), "the self-check compares with the 0 shown");
      String explanation = template.getDomProperty("innerHTML");
      assertTrue(explanation.contains(" 0,") && !explanation.contains("e-1"),
          "the explanation fills in 0: " + explanation);
    }
    for (WebElement cell : question(form).findElements(By.cssSelector("table.technical-table td.num:nth-of-type(1)"))) {
      assertEquals("0", cell.getDomProperty("textContent"), "the proof's table shows the answer as the page does");
    }
    for (int v = 0; v < variants.size(); v++) {
      answerWith(form, "1e-6");
      assertEquals(message(form, "wrong"), result(form), "a millionth off is not 0 under {abs: 0}");
      answerWith(form, "0");
      assertEquals(message(form, "right"), result(form), "typing the 0 shown is right in variant " + (v + 1));
      form.findElement(By.cssSelector(".variant-next")).click();
    }
  }

  @ParameterizedTest
  @MethodSource("languages")
  void aWrongNumberIsRefusedAndTheRightOneAccepted(String language) {
    openFresh(language);
    WebElement form = form();
    assertTrue(form.isDisplayed(), "the script shows the number field");
    double answer = answer(shown(form));
    answerWith(form, plain(answer + 1));
    assertEquals(message(form, "wrong"), result(form));
    answerWith(form, plain(answer));
    assertEquals(message(form, "right"), result(form));
    field(form).sendKeys("9");
    assertEquals("", result(form), "editing the number clears the verdict until the next check");
  }

  @ParameterizedTest
  @MethodSource("languages")
  void theToleranceDecidesAtItsEdgesAndReadersMayWriteTheirWay(String language) {
    openFresh(language);
    WebElement form = form();
    double answer = answer(shown(form));
    double bound = Math.max(Double.parseDouble(form.getDomAttribute("data-abs")),
        Double.parseDouble(form.getDomAttribute("data-rel")) * Math.abs(answer));
    answerWith(form, plain(answer + 0.9 * bound));
    assertEquals(message(form, "right"), result(form), "just inside the tolerance");
    answerWith(form, plain(answer - 1.1 * bound));
    assertEquals(message(form, "wrong"), result(form), "just outside the tolerance");
    answerWith(form, plain(answer + bound));
    assertEquals(message(form, "right"), result(form), "exactly on the bound, whatever the binary rounding of its decimals");
    answerWith(form, plain(answer + 0.25).replace('.', ','));
    assertEquals(message(form, "wrong"), result(form), "a decimal comma reads as a decimal point");
    answerWith(form, plain(answer).replace("-", "−"));
    assertEquals(message(form, "right"), result(form), "a typographic minus reads as a minus");
    answerWith(form, (long) (answer * 4) + "/4");
    assertEquals(Math.rint(answer * 4) == answer * 4 ? message(form, "right") : message(form, "wrong"), result(form),
        "a fraction is read as its value");
    answerWith(form, "twelve");
    assertEquals(message(form, "invalid"), result(form));
    field(form).clear();
    form.findElement(By.cssSelector(".selfcheck-button")).click();
    assertEquals(message(form, "empty"), result(form), "nothing written, nothing judged");
  }

  @ParameterizedTest
  @MethodSource("languages")
  void onceTheAnswerIsOpenTheVerdictGivesTheWorkedValue(String language) {
    openFresh(language);
    WebElement form = form();
    WebElement template = shown(form);
    question(form).findElement(By.cssSelector("details.answer > summary")).click();
    assertEquals(template.getDomAttribute("data-answer-text"),
        question(form).findElement(By.cssSelector(".variant-answer")).getText(), "the answer shows the worked value");
    answerWith(form, plain(answer(template) + 1));
    assertEquals(message(form, "wrong") + " " + message(form, "worked").replace("{answer}",
        template.getDomAttribute("data-answer-text")), result(form));
  }

  @ParameterizedTest
  @MethodSource("languages")
  void anotherVariantShowsNewInputsWithTheirOwnAnswer(String language) {
    openFresh(language);
    WebElement form = form();
    WebElement q = question(form);
    int count = q.findElements(By.cssSelector("template.numeric-variant")).size();
    assertTrue(count > 1, "the question has variants");
    String first = inputsHtml(form);
    String firstExplanation = q.findElement(By.cssSelector(".variant-explanation")).getDomProperty("innerHTML");
    q.findElement(By.cssSelector("details.answer > summary")).click();
    answerWith(form, plain(answer(shown(form))));
    form.findElement(By.cssSelector(".variant-next")).click();
    WebElement second = shown(form);
    assertEquals("2", second.getDomAttribute("data-variant"));
    assertNotEquals(first, inputsHtml(form), "the inputs changed");
    assertEquals(second.getDomAttribute("data-label"), q.findElement(By.cssSelector(".variant-label")).getText());
    assertEquals(message(form, "shown").replace("{variant}", second.getDomAttribute("data-label")), result(form),
        "the change is announced");
    assertEquals("", field(form).getDomProperty("value"), "a fresh field for the new variant");
    assertFalse(Boolean.parseBoolean(q.findElement(By.cssSelector("details.answer")).getDomProperty("open")),
        "the new variant's answer starts closed");
    assertEquals(second.getDomAttribute("data-answer-text"), q.findElement(By.cssSelector(".variant-answer"))
        .getDomProperty("textContent"));
    assertNotEquals(firstExplanation, q.findElement(By.cssSelector(".variant-explanation")).getDomProperty("innerHTML"),
        "the explanation shows the new variant's values");
    answerWith(form, plain(answer(second)));
    assertEquals(message(form, "right"), result(form), "the check uses the variant shown");
    for (int i = 2; i <= count; i++) {
      form.findElement(By.cssSelector(".variant-next")).click();
    }
    assertEquals(first, inputsHtml(form), "after the last variant comes the first");
    assertEquals(List.of(), browser.severeConsoleMessages());
  }

  @ParameterizedTest
  @MethodSource("languages")
  void progressKeepsTheVariantAndTheNumberAndTheResetClearsThem(String language) {
    openFresh(language);
    WebElement form = form();
    String id = form.getDomAttribute("data-question");
    form.findElement(By.cssSelector(".variant-next")).click();
    String second = inputsHtml(form);
    String right = plain(answer(shown(form)));
    answerWith(form, right);
    WebElement progress = browser.driver().findElement(By.cssSelector(".selfcheck-progress"));
    int total = browser.driver().findElements(By.cssSelector("form.selfcheck")).size();
    String summary = progress.getDomAttribute("data-msg-progress").replace("{total}", Integer.toString(total));
    assertEquals(summary.replace("{right}", "1"), progress.findElement(By.cssSelector(".selfcheck-progress-text")).getText());

    browser.driver().navigate().refresh();
    form = browser.driver().findElement(By.cssSelector("form[data-question='" + id + "']"));
    assertEquals(second, inputsHtml(form), "the variant shown is restored");
    assertEquals(right, field(form).getDomProperty("value"), "and the number written");
    assertEquals(message(form, "right"), result(form), "and its verdict");

    browser.driver().findElement(By.cssSelector(".selfcheck-reset")).click();
    assertEquals("1", shown(form).getDomAttribute("data-variant"), "back to the first variant");
    assertEquals("", field(form).getDomProperty("value"));
    assertEquals(summary.replace("{right}", "0"), browser.driver().findElement(By.cssSelector(".selfcheck-progress-text"))
        .getText());
  }

  @Test
  void keyboardAloneAnswersAndChangesTheVariant() {
    openFresh(languages().get(0));
    WebElement form = form();
    WebElement input = field(form);
    browser.js("arguments[0].focus();", input);
    Actions keys = new Actions(browser.driver());
    keys.sendKeys(plain(answer(shown(form)))).sendKeys(Keys.ENTER).perform();
    assertEquals(message(form, "right"), result(form), "Enter in the field checks");
    keys.sendKeys(Keys.TAB).perform();
    assertEquals(form.findElement(By.cssSelector(".selfcheck-button")), browser.driver().switchTo().activeElement());
    keys.sendKeys(Keys.TAB).perform();
    WebElement next = form.findElement(By.cssSelector(".variant-next"));
    assertEquals(next, browser.driver().switchTo().activeElement(), "Tab reaches Another variant");
    keys.sendKeys(Keys.ENTER).perform();
    assertEquals("2", form.getDomAttribute("data-variant"));
    assertEquals(next, browser.driver().switchTo().activeElement(), "focus stays on the button");
  }

  @ParameterizedTest
  @MethodSource("languages")
  void screenReadersGetALabelTheToleranceAndALiveVerdict(String language) {
    openFresh(language);
    WebElement form = form();
    WebElement input = field(form);
    String ask = browser.js("return document.querySelector('label[for=\"' + arguments[0].id + '\"] code').textContent;",
        input);
    Map<String, Object> name = browser.accessibilityNode(input);
    assertTrue(name.toString().contains(ask), "the field's accessible name says what is asked: " + name);
    String description = browser.js("return document.getElementById(arguments[0].getAttribute('aria-describedby'))"
        + ".textContent;", input);
    assertTrue(name.toString().contains(description.substring(0, 20)), "the tolerance describes the field: " + name);
    assertEquals("status", form.findElement(By.cssSelector(".selfcheck-result")).getDomAttribute("role"));
    WebElement region = question(form).findElement(By.cssSelector(".variant-inputs"));
    assertEquals("region", region.getDomAttribute("role"));
    assertNotNull(region.getDomAttribute("aria-labelledby"), "the inputs are a region named by the variant");
    assertFalse(question(form).findElements(By.cssSelector(".variant-inputs math mtable")).isEmpty(),
        "the inputs are MathML tables");
  }

  @ParameterizedTest
  @MethodSource("languages")
  void withoutJavaScriptThePageShowsVariantOneAndItsCollapsedAnswer(String language) {
    browser.driver().executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
    browser.open(numericPage(language));
    WebElement form = form();
    assertFalse(form.isDisplayed(), "no number field without the script that checks it");
    WebElement q = question(form);
    WebElement first = q.findElement(By.cssSelector("template.numeric-variant[data-variant='1']"));
    assertTrue(q.findElement(By.cssSelector(".variant-inputs math")).isDisplayed(), "variant 1's inputs are shown");
    WebElement details = q.findElement(By.cssSelector("details.answer"));
    assertFalse(Boolean.parseBoolean(details.getDomProperty("open")), "the answer starts collapsed");
    details.findElement(By.tagName("summary")).click();
    assertEquals(first.getDomAttribute("data-answer-text"), q.findElement(By.cssSelector(".variant-answer")).getText(),
        "the answer opens on variant 1's value");
  }

  @ParameterizedTest
  @MethodSource("languages")
  void theStaticPageHoldsEveryVariantAndNoPlaceholder(String language) {
    Document page = Jsoup.parse(read(numericPage(language)));
    for (Element form : page.select("form[data-kind=numeric]")) {
      assertTrue(form.hasAttr("hidden"), "hidden until the script runs");
      Element q = page.getElementById(form.attr("data-question"));
      Element template = q.selectFirst("template.numeric-variant[data-variant=1]");
      assertEquals(template.attr("data-answer-text"), q.selectFirst(".variant-answer").text());
      assertEquals(Jsoup.parse(template.html()).selectFirst(".variant-inputs-content").select("math").outerHtml(),
          q.selectFirst(".variant-inputs").select("math").outerHtml(), "variant 1 is the one in the page");
      assertEquals(1, page.select("label[for=" + form.selectFirst("input").id() + "]").size());
    }
    assertFalse(page.html().contains("{{"), "every placeholder is filled");
    assertTrue(page.select("script:not([src])").isEmpty(), "the variants are data, not script");
  }

  /** A number as a reader would type it: the shortest decimal text. */
  private static String plain(double value) {
    String s = java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    return s.equals("-0") ? "0" : s;
  }
}
