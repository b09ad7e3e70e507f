package io.github.gradproof.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jsoup.Jsoup;
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
 * The self-check in Chromium, as a reader uses it before opening the answer: nothing is revealed
 * until a choice is ticked and checked; a wrong pick shows the verifier's reason for that pick
 * only, and the reader tries again; progress survives a reload and a reset clears it; everything
 * works from the keyboard, in every language, with live regions and descriptions for screen
 * readers, and without storage.
 */
class SelfCheckTest {

  private static Browser browser;

  /** The shared browser, fetched by each test so that without Chromium every test reports itself skipped. */
  @BeforeEach
  void startBrowser() {
    TestSite.root();
    browser = Browser.shared();
  }

  @AfterEach
  void forgetProgress() {
    if (browser != null) {
      browser.js("try { localStorage.clear(); } catch (e) {}");
    }
  }

  static List<String> languages() {
    return TestSite.languages();
  }

  /** Opens a language's phase page with no progress stored. */
  private void openFresh(String language) {
    browser.open(TestSite.phasePage(language));
    browser.js("localStorage.clear();");
    browser.driver().navigate().refresh();
  }

  private List<WebElement> forms() {
    List<WebElement> forms = browser.driver().findElements(By.cssSelector("form.selfcheck"));
    assertFalse(forms.isEmpty(), "the phase page has self-checks");
    return forms;
  }

  /** The first self-check whose inputs are of a type ({@code radio}: single choice, {@code checkbox}: multi). */
  private WebElement form(String inputType) {
    return forms().stream()
        .filter(f -> !f.findElements(By.cssSelector("input[type=" + inputType + "]")).isEmpty())
        .findFirst()
        .orElseThrow(() -> new AssertionError("the fixture has a self-check with " + inputType + " inputs"));
  }

  private static List<WebElement> choices(WebElement form, Predicate<WebElement> which) {
    return form.findElements(By.cssSelector("li[data-choice]")).stream().filter(which).toList();
  }

  private static boolean correct(WebElement choice) {
    return choice.getDomAttribute("data-correct").equals("true");
  }

  private static String note(WebElement choice) {
    return choice.findElement(By.cssSelector(".selfcheck-note")).getDomProperty("textContent").strip();
  }

  private static String result(WebElement form) {
    return form.findElement(By.cssSelector(".selfcheck-result")).getDomProperty("textContent");
  }

  private static String message(WebElement form, String key) {
    return form.getDomAttribute("data-msg-" + key);
  }

  private void tick(WebElement choice) {
    choice.findElement(By.tagName("label")).click();
  }

  private void check(WebElement form) {
    form.findElement(By.cssSelector(".selfcheck-button")).click();
  }

  /** Whether a choice shows any verdict: a mark or a note. */
  private static boolean marked(WebElement choice) {
    String classes = choice.getDomAttribute("class") == null ? "" : choice.getDomAttribute("class");
    return classes.contains("picked") || !note(choice).isEmpty();
  }

  /** The reason the page's proof table gives against a choice of the form's question. */
  private String proofReason(WebElement form, WebElement choice) {
    String question = form.getDomAttribute("data-question");
    return browser.js("const rows = document.querySelectorAll('#' + arguments[0] + ' table.proof-table tbody');"
        + " for (const body of rows) { if (body.querySelector('th').firstChild.textContent.trim() === arguments[1]) {"
        + " const r = body.querySelector('.reason'); return r ? r.textContent : null; } } return null;",
        question, choice.getDomAttribute("data-choice"));
  }

  @ParameterizedTest
  @MethodSource("languages")
  void checkingWithNothingTickedRevealsNothing(String language) {
    openFresh(language);
    for (WebElement form : forms()) {
      WebElement button = form.findElement(By.cssSelector(".selfcheck-button"));
      assertTrue(button.isDisplayed(), "the script reveals the Check button");
      check(form);
      assertEquals(message(form, "none"), result(form));
      for (WebElement choice : choices(form, c -> true)) {
        assertFalse(marked(choice), "nothing ticked, nothing revealed: choice " + choice.getDomAttribute("data-choice"));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("languages")
  void aWrongSingleChoiceGetsItsOwnReasonAndTheReaderTriesAgain(String language) {
    openFresh(language);
    WebElement form = form("radio");
    WebElement wrong = choices(form, c -> !correct(c)).get(0);
    WebElement right = choices(form, SelfCheckTest::correct).get(0);
    tick(wrong);
    check(form);
    assertEquals(message(form, "retry"), result(form));
    String reason = proofReason(form, wrong);
    assertNotNull(reason, "the proof table has a reason against the wrong choice");
    assertEquals(message(form, "wrong") + " " + reason, note(wrong), "the verifier's reason for this pick");
    for (WebElement other : choices(form, c -> !c.equals(wrong))) {
      assertFalse(marked(other), "one wrong pick reveals no other choice, the right one least of all");
    }
    tick(right);
    assertEquals("", result(form), "changing the picks clears the verdict until the next check");
    check(form);
    assertEquals(message(form, "all"), result(form));
    assertEquals(message(form, "right"), note(right));
    assertTrue(note(wrong).endsWith(reason), "the eliminated choice keeps its reason");
  }

  @ParameterizedTest
  @MethodSource("languages")
  void aMultipleChoiceSaysHowManyPicksAreWrongOrMissingButNotWhich(String language) {
    openFresh(language);
    WebElement form = form("checkbox");
    List<WebElement> right = choices(form, SelfCheckTest::correct);
    List<WebElement> wrong = choices(form, c -> !correct(c));
    assertTrue(right.size() >= 2, "the fixture's multi question has two correct choices");
    tick(right.get(0));
    tick(wrong.get(0));
    check(form);
    String details = message(form, "wrong-one").replace("{n}", "1") + ", "
        + plural(form, "missing", right.size() - 1).replace("{n}", Integer.toString(right.size() - 1));
    assertEquals(message(form, "partial").replace("{details}", details), result(form));
    assertEquals(message(form, "right"), note(right.get(0)));
    assertEquals(message(form, "wrong") + " " + proofReason(form, wrong.get(0)), note(wrong.get(0)));
    for (WebElement missed : right.subList(1, right.size())) {
      assertFalse(marked(missed), "a correct choice not ticked is not revealed");
    }
    for (WebElement other : wrong.subList(1, wrong.size())) {
      assertFalse(marked(other), "an unticked wrong choice is not judged");
    }
    tick(wrong.get(0));
    right.subList(1, right.size()).forEach(this::tick);
    check(form);
    assertEquals(message(form, "all"), result(form));
  }

  private static String plural(WebElement form, String key, int n) {
    return message(form, key + (n == 1 ? "-one" : "-other"));
  }

  @ParameterizedTest
  @MethodSource("languages")
  void progressIsKeptAcrossAReloadAndTheResetClearsIt(String language) {
    openFresh(language);
    int total = forms().size();
    WebElement single = form("radio");
    String singleId = single.getDomAttribute("data-question");
    WebElement wrong = choices(single, c -> !correct(c)).get(0);
    String wrongNumber = wrong.getDomAttribute("data-choice");
    tick(wrong);
    check(single);
    WebElement multi = form("checkbox");
    String multiId = multi.getDomAttribute("data-question");
    choices(multi, SelfCheckTest::correct).forEach(this::tick);
    check(multi);
    WebElement progress = browser.driver().findElement(By.cssSelector(".selfcheck-progress"));
    String summary = progress.getDomAttribute("data-msg-progress");
    assertEquals(summary.replace("{right}", "1").replace("{total}", Integer.toString(total)),
        progress.findElement(By.cssSelector(".selfcheck-progress-text")).getText());

    browser.driver().navigate().refresh();
    WebElement singleAgain = browser.driver().findElement(By.cssSelector("form[data-question='" + singleId + "']"));
    WebElement wrongAgain = singleAgain.findElement(By.cssSelector("li[data-choice='" + wrongNumber + "']"));
    assertTrue(wrongAgain.findElement(By.tagName("input")).isSelected(), "the pick is restored");
    assertTrue(note(wrongAgain).startsWith(message(singleAgain, "wrong")), "its reason is shown again");
    WebElement multiAgain = browser.driver().findElement(By.cssSelector("form[data-question='" + multiId + "']"));
    assertEquals(message(multiAgain, "all"), result(multiAgain));
    progress = browser.driver().findElement(By.cssSelector(".selfcheck-progress"));
    assertTrue(progress.isDisplayed(), "the page summary shows once something was checked");
    assertEquals(summary.replace("{right}", "1").replace("{total}", Integer.toString(total)),
        progress.findElement(By.cssSelector(".selfcheck-progress-text")).getText());

    progress.findElement(By.cssSelector(".selfcheck-reset")).click();
    assertEquals(progress.getDomAttribute("data-msg-cleared"),
        progress.findElement(By.cssSelector(".selfcheck-progress-status")).getDomProperty("textContent"));
    assertEquals(summary.replace("{right}", "0").replace("{total}", Integer.toString(total)),
        progress.findElement(By.cssSelector(".selfcheck-progress-text")).getText());
    assertNothingTickedOrMarked();
    browser.driver().navigate().refresh();
    assertNothingTickedOrMarked();
    assertFalse(browser.driver().findElement(By.cssSelector(".selfcheck-progress")).isDisplayed(),
        "after a reset and a reload there is no progress to show");
  }

  private void assertNothingTickedOrMarked() {
    for (WebElement form : forms()) {
      assertEquals("", result(form));
      for (WebElement choice : choices(form, c -> true)) {
        assertFalse(choice.findElement(By.tagName("input")).isSelected(), "unticked");
        assertFalse(marked(choice), "no mark left");
      }
    }
  }

  @Test
  void keyboardAloneAnswersChecksAndRetries() {
    openFresh(languages().get(0));
    WebElement form = form("radio");
    List<WebElement> all = choices(form, c -> true);
    int wrongIndex = all.indexOf(choices(form, c -> !correct(c)).get(0));
    int rightIndex = all.indexOf(choices(form, SelfCheckTest::correct).get(0));
    WebElement first = all.get(0).findElement(By.tagName("input"));
    browser.js("arguments[0].focus();", first);
    Actions keys = new Actions(browser.driver());
    keys.sendKeys(Keys.SPACE).perform(); // ticks the focused radio
    for (int i = 0; i < wrongIndex; i++) {
      keys.sendKeys(Keys.ARROW_DOWN).perform(); // arrows move and tick within the group
    }
    keys.sendKeys(Keys.ENTER).perform(); // Enter in a form submits it: Check
    assertEquals(message(form, "retry"), result(form));
    for (int i = wrongIndex; i != rightIndex; i += rightIndex > wrongIndex ? 1 : -1) {
      keys.sendKeys(rightIndex > wrongIndex ? Keys.ARROW_DOWN : Keys.ARROW_UP).perform();
    }
    keys.sendKeys(Keys.TAB).perform();
    assertEquals(form.findElement(By.cssSelector(".selfcheck-button")), browser.driver().switchTo().activeElement(),
        "Tab leaves the group for the Check button");
    keys.sendKeys(Keys.ENTER).perform();
    assertEquals(message(form, "all"), result(form));
    WebElement reset = browser.driver().findElement(By.cssSelector(".selfcheck-reset"));
    browser.js("arguments[0].focus();", reset);
    keys.sendKeys(Keys.ENTER).perform();
    assertEquals("", result(form), "the reset button works from the keyboard");
  }

  @ParameterizedTest
  @MethodSource("languages")
  void screenReadersHearTheVerdictAndEachPicksReason(String language) {
    openFresh(language);
    WebElement form = form("radio");
    WebElement status = form.findElement(By.cssSelector(".selfcheck-result"));
    assertEquals("status", status.getDomAttribute("role"), "the result is a polite live region");
    WebElement wrong = choices(form, c -> !correct(c)).get(0);
    tick(wrong);
    check(form);
    WebElement input = wrong.findElement(By.tagName("input"));
    String description = browser.js("return arguments[0].getAttribute('aria-describedby').split(' ')"
        + ".map(id => document.getElementById(id).textContent).join(' ');", input);
    assertEquals(note(wrong), description.strip(), "the pick's reason is its input's description");
    Map<String, Object> ax = browser.accessibilityNode(input);
    assertTrue(ax.toString().contains(proofReason(form, wrong).substring(0, 20)),
        "Chromium exposes the reason as the input's accessible description: " + ax);
  }

  @Test
  void withoutStorageTheSelfCheckStillWorks() {
    Map<String, Object> script = browser.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
        Map.of("source", "Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', "
            + "'SecurityError'); } });"));
    try {
      browser.open(TestSite.phasePage(languages().get(0)));
      WebElement form = form("radio");
      tick(choices(form, SelfCheckTest::correct).get(0));
      check(form);
      assertEquals(message(form, "all"), result(form));
      assertTrue(browser.driver().findElement(By.cssSelector(".selfcheck-progress")).isDisplayed(),
          "progress is kept in memory for the visit");
      assertEquals(List.of(), browser.severeConsoleMessages(), "no error without storage");
    } finally {
      browser.driver().executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument",
          Map.of("identifier", script.get("identifier")));
    }
  }

  @ParameterizedTest
  @MethodSource("languages")
  void withoutJavaScriptTheControlsStayHiddenAndTheAnswerStillWorks(String language) throws IOException {
    var page = Jsoup.parse(Files.readString(TestSite.phasePage(language), StandardCharsets.UTF_8));
    assertFalse(page.select("form.selfcheck").isEmpty());
    page.select(".selfcheck-button").forEach(b -> assertTrue(b.hasAttr("hidden"), "hidden until the script runs"));
    assertTrue(page.selectFirst(".selfcheck-progress").hasAttr("hidden"), "no progress without the script");
    page.select("form.selfcheck input").forEach(input -> assertEquals(1,
        page.select("label[for=" + input.id() + "]").size(), "every input has its label"));
    assertTrue(page.select("script:not([src])").isEmpty(), "no inline script");
    for (var template : page.select("template.selfcheck-reason")) {
      assertTrue(template.parent().attr("data-correct").equals("false"), "reasons only for wrong choices");
    }
  }
}
