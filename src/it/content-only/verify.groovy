// A course with only pom.xml and data/quizzes/ gets a whole bilingual site from the built-in theme.
def site = new File(basedir, 'site')
def read = { String path -> new File(site, path).getText('UTF-8') }
def project = basedir.parentFile.parentFile.parentFile // target/it/<name> -> the plugin's project folder

assert !new File(basedir, 'templates').exists() : 'the course has no templates folder'
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[INFO] gradproof: 1 phase, 2 questions and 5 claims verified; 5 pages written to site/ in ') : log

['index.html', 'en/index.html', 'es/index.html', 'en/phase-01-basics.html', 'es/phase-01-basics.html',
 'md/en/phase-01-basics.md', 'md/es/phase-01-basics.md', 'verification.json',
 'assets/style.css', 'assets/selfcheck.js'].each { path ->
  assert new File(site, path).isFile() : "missing site/$path"
}
['sitemap.xml', '404.html'].each { path ->
  assert !new File(site, path).exists() : "site/$path is only written for a site with a base URL"
}

// The assets are the built-in theme's, byte for byte.
['assets/style.css', 'assets/selfcheck.js'].each { path ->
  def builtIn = new File(project, "src/main/resources/io/github/gradproof/theme/$path")
  assert new File(site, path).bytes == builtIn.bytes : "site/$path differs from the built-in $path"
}

def en = read('en/phase-01-basics.html')
assert en.startsWith('<!DOCTYPE html>\n<html lang="en">')
assert en.contains('<meta name="description" content="Gradients of a sum of squares and of a matrix product.">')
assert en.contains('<title>Phase 1 — Basics · gradproof quizzes</title>')
assert en.contains('<link rel="alternate" hreflang="es" href="../es/phase-01-basics.html">')
assert en.contains('<a class="lang-switch" href="../es/phase-01-basics.html" hreflang="es" lang="es" title="Leer esta página en español">Español</a>')
assert en.contains('<summary>Show answer</summary>')
assert en.contains('id="q-01-01"') && en.contains('id="q-01-02"')
assert en.contains('<h3 id="q-01-02-verification">How the answer was checked</h3>')
assert !en.contains('rel="canonical"') && !en.contains('https://') : 'without a base URL every link is relative'
// Every answer is proven: the keyed claims hold, the other one is false.
assert (en =~ /class="verdict-holds"/).count == 3
assert (en =~ /class="verdict-false"/).count == 2

def es = read('es/phase-01-basics.html')
assert es.startsWith('<!DOCTYPE html>\n<html lang="es">')
assert es.contains('<summary>Ver respuesta</summary>')
assert es.contains('Suma de cuadrados')
assert es.contains('<a class="lang-switch" href="../en/phase-01-basics.html" hreflang="en" lang="en" title="Read this page in English">English</a>')

def root = read('index.html')
assert root.contains('href="en/index.html"') && root.contains('href="es/index.html"')
assert read('en/index.html').contains('<a href="phase-01-basics.html">Phase 1 — Basics</a>')
assert read('verification.json').contains('"q-01-02"')
return true
