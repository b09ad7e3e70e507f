// A drifted answer key and a UI-strings override that lacks a key: one run reports both, located.
def log = new File(basedir, 'build.log').getText('UTF-8')
// The key (line 18, column 13) marks the false claim (choice 2) and misses the true one (choice 1).
def drift = log.readLines().findAll { it.contains('data/quizzes/phase-04-drift.yaml:18:13: q-04-01: ') }
assert drift.size() == 2 : log
assert drift.any { it.contains('choice 1') } && drift.any { it.contains('choice 2') } : drift
// The course's en.yaml overrides the built-in one whole, so the key it dropped is an error, located
// where it would be added (after the last entry, line 144).
assert log.contains("templates/i18n/en.yaml:144:1: missing UI string 'verify.caption'") : log
assert log.contains('nothing was written, and the output folder (site) is unchanged') : log
assert !new File(basedir, 'site').exists()
return true
