// Both bombs are refused before they run, at their forward lines, with the limits as configured:
// maxWork from the command line (2e10), maxMemory from the POM (512 MiB).
def log = new File(basedir, 'build.log').getText('UTF-8')
def chained = log.readLines().find { it.contains('data/quizzes/phase-01-chained.yaml:14:9: q-01-01: this question is too costly to verify') }
assert chained != null : log
assert chained.contains('over the limit of 2e10 (gradproof.maxWork)') : chained
assert chained.contains('about 519 MiB of tensors at once, over the limit of 512 MiB (gradproof.maxMemory)') : chained
def line = log.readLines().find { it.contains('data/quizzes/phase-02-long-line.yaml:14:9: q-02-01: this question is too costly to verify') }
assert line != null : log
assert line.contains('about 1.3 GiB of tensors at once, over the limit of 512 MiB (gradproof.maxMemory)') : line
assert !log.contains('OutOfMemoryError') : log
assert log.contains('nothing was written, and the output folder (site) is unchanged') : log
// The site published before is untouched.
assert new File(basedir, 'site/index.html').getText('UTF-8').contains('The site published before the bombs')
assert new File(basedir, 'site').list().toList().sort() == ['.gradproof-site', 'index.html']
return true
