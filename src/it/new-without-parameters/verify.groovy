// site:new without its parameters fails with gradproof's own message, not Maven's generic one.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains("site:new needs -Dgradproof.phase (the new phase's number) and -Dgradproof.slug (its name"
    + " in the file name: lower-case letters, digits and dashes), e.g. mvn site:new -Dgradproof.phase=9"
    + " -Dgradproof.slug=optimizers writes phase-09-optimizers.yaml") : log
assert !log.contains('are missing or invalid') : 'Maven\'s generic message for a missing required parameter'
assert !new File(basedir, 'data').exists() : 'nothing is written'
return true
