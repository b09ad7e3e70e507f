// `mvn site` in a course writes gradproof's site/ and nothing of Maven's own site; a misspelt
// property is reported with the one meant and changes nothing; site:help describes gradproof's goals.
def log = new File(basedir, 'build.log').getText('UTF-8')

assert log.contains('[WARNING] -Dgradproof.langauges is not a gradproof parameter, so it is ignored; did you mean'
    + ' -Dgradproof.languages?') : log
assert log.contains("[WARNING] <gradproof.strictTranslation> in the POM's <properties> is not a gradproof parameter,"
    + ' so it is ignored; did you mean <gradproof.strictTranslations>?') : log
assert !log.contains('gradproof.version') : 'the plugin-version property is no mistake'
assert log.contains('[INFO] gradproof: 1 phase, 2 questions and 5 claims verified; 5 pages written to site/ in ') : log
assert (log =~ /pages written to/).count == 1 : 'one summary line per build'
assert !log.contains('maven-site-plugin') : "Maven's own site plugin is not even resolved"

// site/ is a whole gradproof site, in both languages (the misspelt -D option changed nothing), and
// nothing else; Maven's target/site/ does not exist.
def site = new File(basedir, 'site')
assert site.list().toList().sort() == ['.gradproof-site', 'assets', 'en', 'es', 'index.html', 'md', 'verification.json']
assert new File(site, 'en/phase-01-basics.html').isFile() && new File(site, 'es/phase-01-basics.html').isFile()
assert !new File(basedir, 'target/site').exists()

// The site prefix resolves to gradproof for its help goal too, not to maven-site-plugin's.
assert log.contains('--- gradproof-site-maven-plugin:') && log.contains(':help (default-cli) @ site-lifecycle ---') : log
assert log.contains('site:generate\n') : log
assert log.contains('User property: gradproof.languages') && log.contains('User property: gradproof.threads') : log
return true
