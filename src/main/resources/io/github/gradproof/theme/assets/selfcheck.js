/*
 * gradproof self-check: lets a reader tick choices and press "Check" before opening the answer.
 * Progressive enhancement: without this script the page works as before (the button stays
 * hidden and the answer is in its <details>). Every text comes from data attributes that the
 * generator filled in the page's language; the reasons are the verifier's own.
 */
(function () {
  "use strict";

  function text(form, key) {
    return form.getAttribute("data-msg-" + key) || "";
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, name) {
      return values[name] !== undefined ? String(values[name]) : "";
    });
  }

  function check(form) {
    var items = form.querySelectorAll("li[data-choice]");
    var right = 0, wrong = 0, missed = 0, correctTotal = 0;
    items.forEach(function (item) {
      var input = item.querySelector("input");
      var note = item.querySelector(".selfcheck-note");
      var correct = item.getAttribute("data-correct") === "true";
      if (correct) { correctTotal++; }
      item.classList.remove("picked-right", "picked-wrong", "missed");
      note.textContent = "";
      if (input.checked && correct) {
        right++;
        item.classList.add("picked-right");
        note.textContent = text(form, "right");
      } else if (input.checked) {
        wrong++;
        item.classList.add("picked-wrong");
        note.textContent = text(form, "wrong") + " " + item.getAttribute("data-reason");
      } else if (correct) {
        missed++;
        item.classList.add("missed");
        note.textContent = text(form, "missed");
      }
    });
    var result = form.querySelector(".selfcheck-result");
    if (right + wrong === 0) {
      result.textContent = text(form, "none");
    } else if (wrong === 0 && missed === 0) {
      result.textContent = text(form, "all");
    } else {
      result.textContent = format(text(form, "summary"), { right: right, total: correctTotal, wrong: wrong });
    }
  }

  function enhance(form) {
    var button = form.querySelector(".selfcheck-button");
    button.hidden = false;
    button.addEventListener("click", function () { check(form); });
    form.addEventListener("submit", function (event) { event.preventDefault(); check(form); });
  }

  function start() {
    document.querySelectorAll("form.selfcheck").forEach(enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
