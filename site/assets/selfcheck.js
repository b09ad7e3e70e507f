/*
 * gradproof self-check: a reader ticks choices and presses "Check" before opening the answer.
 *
 * - Nothing is revealed before the reader commits: "Check" with nothing ticked only asks for a
 *   pick, and a wrong pick never shows which choice is right.
 * - Each wrong pick gets the verifier's reason for that pick (from the page, in its language) and
 *   keeps it; the reader changes the picks and checks again. The key is in the answer.
 * - Progress is kept per page in localStorage (in memory when storage is unavailable, e.g. some
 *   browsers on file:// or in private mode): picks, eliminated choices and whether the last check
 *   was right, a "3 of 5 correct" summary, and a button that clears it.
 * - Progressive enhancement: without this script the page works as before (the Check button stays
 *   hidden and the answer is in its <details>). Every text comes from data attributes that the
 *   generator filled in from the page language's UI strings.
 * - A numeric question has a number field instead of choices, and variants: every variant's
 *   inputs, answer and explanation are in the page (one <template> each); "Another variant"
 *   shows the next one. A number counts as right within the question's tolerance; once the
 *   answer is open, the verdict also gives the worked value. Progress keeps the variant shown,
 *   the number written and whether it was right.
 */
(function () {
  "use strict";

  var KEY = "gradproof:selfcheck:" + location.pathname;
  var memory = null;
  var plurals = null;

  // ---- storage: localStorage when it works, else memory for this visit

  function storage() {
    try {
      var s = window.localStorage;
      s.setItem(KEY + ":probe", "1");
      s.removeItem(KEY + ":probe");
      return s;
    } catch (e) {
      return null;
    }
  }

  function load() {
    var raw = memory;
    var s = storage();
    if (s) {
      try { raw = s.getItem(KEY); } catch (e) { raw = memory; }
    }
    try {
      var state = raw ? JSON.parse(raw) : {};
      return state && typeof state === "object" ? state : {};
    } catch (e) {
      return {};
    }
  }

  function save(state) {
    memory = JSON.stringify(state);
    var s = storage();
    if (s) {
      try { s.setItem(KEY, memory); } catch (e) { /* full or refused: memory keeps it */ }
    }
  }

  function clear() {
    memory = null;
    var s = storage();
    if (s) {
      try { s.removeItem(KEY); } catch (e) { /* nothing stored */ }
    }
  }

  // ---- words

  function text(element, key) {
    return element.getAttribute("data-msg-" + key) || "";
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return values[name] !== undefined ? String(values[name]) : whole;
    });
  }

  /** "1 wrong choice ticked" / "2 wrong choices ticked", by the page language's plural rules. */
  function counted(form, key, n) {
    if (plurals === null) {
      try {
        plurals = new Intl.PluralRules(document.documentElement.lang || "en");
      } catch (e) {
        plurals = { select: function (k) { return k === 1 ? "one" : "other"; } };
      }
    }
    var category = plurals.select(n) === "one" ? "one" : "other";
    return format(text(form, key + "-" + category), { n: n });
  }

  // ---- one question

  function items(form) {
    return Array.prototype.slice.call(form.querySelectorAll("li[data-choice]"));
  }

  function number(item) {
    return Number(item.getAttribute("data-choice"));
  }

  function isCorrect(item) {
    return item.getAttribute("data-correct") === "true";
  }

  function input(item) {
    return item.querySelector("input");
  }

  function note(item) {
    return item.querySelector(".selfcheck-note");
  }

  function result(form) {
    return form.querySelector(".selfcheck-result");
  }

  /** Shows a pick as right: "✓ Correct." */
  function markRight(form, item) {
    item.classList.add("picked-right");
    note(item).textContent = text(form, "right");
  }

  /** Shows a pick as wrong, with the verifier's reason for that choice only. */
  function markWrong(form, item) {
    item.classList.remove("picked-right");
    item.classList.add("picked-wrong");
    var n = note(item);
    n.textContent = text(form, "wrong") + " ";
    var reason = item.querySelector("template.selfcheck-reason");
    var span = document.createElement("span");
    span.className = "selfcheck-reason-text";
    if (reason) {
      span.appendChild(reason.content.cloneNode(true));
    }
    n.appendChild(span);
  }

  /** Forgets the last check's verdict (the picks changed); wrong picks keep their reason. */
  function forgetRight(form) {
    items(form).forEach(function (item) {
      if (item.classList.contains("picked-right")) {
        item.classList.remove("picked-right");
        note(item).textContent = "";
      }
    });
    result(form).textContent = "";
  }

  function unmarkAll(form) {
    items(form).forEach(function (item) {
      item.classList.remove("picked-right", "picked-wrong");
      note(item).textContent = "";
      input(item).checked = false;
    });
    result(form).textContent = "";
  }

  /**
   * Judges the ticked choices, shows the verdict of each pick and a message, and returns the
   * question's new state; {@code null} when nothing is ticked (nothing is revealed then).
   */
  function judge(form, previous) {
    var all = items(form);
    var picked = all.filter(function (item) { return input(item).checked; });
    if (picked.length === 0) {
      result(form).textContent = text(form, "none");
      return null;
    }
    var wrong = picked.filter(function (item) { return !isCorrect(item); });
    var right = picked.filter(isCorrect);
    var missing = all.filter(function (item) { return isCorrect(item) && !input(item).checked; }).length;
    right.forEach(function (item) { markRight(form, item); });
    wrong.forEach(function (item) { markWrong(form, item); });
    var correct = wrong.length === 0 && missing === 0;
    result(form).textContent = correct ? text(form, "all") : message(form, wrong.length, missing);
    var eliminated = (previous && previous.wrong) || [];
    wrong.forEach(function (item) {
      if (eliminated.indexOf(number(item)) < 0) {
        eliminated.push(number(item));
      }
    });
    return { picks: picked.map(number), wrong: eliminated, correct: correct };
  }

  function message(form, wrong, missing) {
    if (form.getAttribute("data-kind") === "single") {
      return text(form, "retry");
    }
    var details = [];
    if (wrong > 0) {
      details.push(counted(form, "wrong", wrong));
    }
    if (missing > 0) {
      details.push(counted(form, "missing", missing));
    }
    return format(text(form, "partial"), { details: details.join(", ") });
  }

  /** Puts a saved question back: its picks, its eliminated choices, the verdict of its last check. */
  function restore(form, saved) {
    var all = items(form);
    all.forEach(function (item) {
      input(item).checked = (saved.picks || []).indexOf(number(item)) >= 0;
    });
    all.forEach(function (item) {
      if ((saved.wrong || []).indexOf(number(item)) >= 0) {
        markWrong(form, item);
      }
    });
    if ((saved.picks || []).length > 0) {
      judge(form, saved);
    }
  }

  // ---- a numeric question

  /** A number as a reader may write it: -1.5, −1.5, 0,25 (decimal comma), 1e-3, 3/4. */
  function parseNumber(written) {
    var s = written.trim().replace(/\u2212/g, "-").replace(/\s+/g, "");
    if (/^[-+]?\d*,\d+$/.test(s)) {
      s = s.replace(",", ".");
    }
    var plain = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;
    var parts = s.split("/");
    if (parts.length === 2 && plain.test(parts[0]) && plain.test(parts[1]) && Number(parts[1]) !== 0) {
      return Number(parts[0]) / Number(parts[1]);
    }
    return plain.test(s) ? Number(s) : NaN;
  }

  function section(form) {
    return form.closest("section.question");
  }

  function variantTemplate(form, number) {
    return section(form).querySelector("template.numeric-variant[data-variant='" + number + "']");
  }

  function variantCount(form) {
    return section(form).querySelectorAll("template.numeric-variant").length;
  }

  function shownVariant(form) {
    return Number(form.getAttribute("data-variant") || "1");
  }

  function field(form) {
    return form.querySelector("input[type=text]");
  }

  /** Replaces the children of {@code target} with copies of those of {@code source}. */
  function copyChildren(source, target) {
    while (target.firstChild) {
      target.removeChild(target.firstChild);
    }
    Array.prototype.forEach.call(source.childNodes, function (node) {
      target.appendChild(node.cloneNode(true));
    });
  }

  /** Shows variant {@code number}: its inputs, and in the (closed) answer its value and explanation. */
  function showVariant(form, number) {
    var template = variantTemplate(form, number);
    if (!template) {
      return false;
    }
    var q = section(form);
    form.setAttribute("data-variant", String(number));
    q.querySelector(".variant-label").textContent = template.getAttribute("data-label");
    copyChildren(template.content.querySelector(".variant-inputs-content"), q.querySelector(".variant-inputs"));
    q.querySelector(".variant-answer").textContent = template.getAttribute("data-answer-text");
    var explanation = q.querySelector(".variant-explanation");
    var filled = template.content.querySelector(".variant-explanation-content");
    if (explanation && filled) {
      copyChildren(filled, explanation);
    }
    q.querySelector("details.answer").open = false;
    field(form).value = "";
    result(form).textContent = "";
    return true;
  }

  /** Judges the number written against the shown variant's answer; {@code null} when there is none. */
  function judgeNumber(form) {
    var written = field(form).value;
    if (written.trim() === "") {
      result(form).textContent = text(form, "empty");
      return null;
    }
    var value = parseNumber(written);
    if (!isFinite(value)) {
      result(form).textContent = text(form, "invalid");
      return null;
    }
    var template = variantTemplate(form, shownVariant(form));
    var answer = Number(template.getAttribute("data-answer"));
    var bound = Math.max(Number(form.getAttribute("data-abs")), Number(form.getAttribute("data-rel")) * Math.abs(answer))
        + 1e-9 * Math.max(1, Math.abs(answer));
    var correct = Math.abs(value - answer) <= bound;
    var message = text(form, correct ? "right" : "wrong");
    if (section(form).querySelector("details.answer").open) {
      message += " " + format(text(form, "worked"), { answer: template.getAttribute("data-answer-text") });
    }
    result(form).textContent = message;
    return { variant: shownVariant(form), value: written, correct: correct };
  }

  /** Puts a saved numeric question back: its variant, its number and the verdict of its last check. */
  function restoreNumber(form, saved) {
    if (saved.variant && saved.variant !== 1) {
      showVariant(form, saved.variant);
    }
    if (saved.value) {
      field(form).value = saved.value;
      judgeNumber(form);
    }
  }

  function resetNumber(form) {
    showVariant(form, 1);
  }

  /** Wires one numeric question; {@code record} keeps its new state (or none, to forget it). */
  function startNumber(form, saved, record) {
    form.hidden = false;
    if (saved) {
      restoreNumber(form, saved);
    }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var next = judgeNumber(form);
      if (next) {
        record(next);
      }
    });
    field(form).addEventListener("input", function () { result(form).textContent = ""; });
    var more = form.querySelector(".variant-next");
    if (more) {
      more.addEventListener("click", function () {
        var next = shownVariant(form) % variantCount(form) + 1;
        showVariant(form, next);
        result(form).textContent = format(text(form, "shown"),
            { variant: variantTemplate(form, next).getAttribute("data-label") });
        record({ variant: next, value: "", correct: false }, true);
      });
    }
  }

  // ---- the page

  function start() {
    var forms = Array.prototype.slice.call(document.querySelectorAll("form.selfcheck[data-question]"));
    if (forms.length === 0) {
      return;
    }
    var progress = document.querySelector(".selfcheck-progress");
    var state = load();

    function showProgress() {
      if (!progress) {
        return;
      }
      var right = forms.filter(function (form) {
        var q = state[form.getAttribute("data-question")];
        return q && q.correct;
      }).length;
      progress.querySelector(".selfcheck-progress-text").textContent =
          format(text(progress, "progress"), { right: right, total: forms.length });
      progress.hidden = Object.keys(state).length === 0 && !progress.hasAttribute("data-shown");
      if (!progress.hidden) {
        progress.setAttribute("data-shown", "");
      }
    }

    forms.forEach(function (form) {
      var id = form.getAttribute("data-question");
      if (form.getAttribute("data-kind") === "numeric") {
        startNumber(form, state[id], function (next, keepVerdict) {
          if (keepVerdict && state[id]) {
            next.correct = state[id].correct; // another variant: the last verdict still counts
          }
          state[id] = next;
          save(state);
          showProgress();
        });
        return;
      }
      form.querySelector(".selfcheck-button").hidden = false;
      if (state[id]) {
        restore(form, state[id]);
      }
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var next = judge(form, state[id]);
        if (next) {
          state[id] = next;
          save(state);
          showProgress();
        }
      });
      form.addEventListener("change", function () { forgetRight(form); });
    });

    if (progress) {
      progress.querySelector(".selfcheck-reset").addEventListener("click", function () {
        clear();
        state = {};
        forms.forEach(function (form) {
          if (form.getAttribute("data-kind") === "numeric") {
            resetNumber(form);
          } else {
            unmarkAll(form);
          }
        });
        showProgress();
        progress.querySelector(".selfcheck-progress-status").textContent = text(progress, "cleared");
      });
    }
    showProgress();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
