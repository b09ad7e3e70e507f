// The run generated the project's quizzes, and its JVM wrote the class-data-sharing archive that the
// project's .mvn/jvm.config names (target/gradproof-cds.jsa, beside target/it/).
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[INFO] gradproof: ') && log.contains(' pages written to site/ in ') : log
def archive = new File(basedir, '../../gradproof-cds.jsa').canonicalFile
assert archive.isFile() : "no archive at ${archive}"
assert archive.length() > 1_000_000 : "the archive holds Maven's and the plugin's classes: ${archive.length()} bytes"
