// One partial and one UI string are the course's; everything else is still the built-in theme.
def site = new File(basedir, 'site')
def read = { String path -> new File(site, path).getText('UTF-8') }
def project = basedir.parentFile.parentFile.parentFile

def en = read('en/phase-02-linear.html')
def es = read('es/phase-02-linear.html')
// The overriding partial renders every question, in every language.
assert en.contains('<section class="question course-question" id="q-02-01"')
assert es.contains('<section class="question course-question" id="q-02-01"')
// The one changed UI string, only in the language whose file the course overrides.
assert es.contains('<summary>Mostrar la solución</summary>')
assert !es.contains('Ver respuesta')
assert en.contains('<summary>Show answer</summary>')
// The rest of the Spanish strings are the course's copy, unchanged; layout and verification partial are built in.
assert es.contains('<h3 id="q-02-01-verification">Cómo se comprobó la respuesta</h3>')
assert en.contains('<a class="skip-link" href="#main">Skip to content</a>')
assert (en =~ /class="verdict-holds"/).count == 2
assert (en =~ /class="verdict-false"/).count == 1

// The course's own asset is copied beside the built-in ones.
assert new File(site, 'assets/course.css').getText('UTF-8').contains('.course-question')
def builtInCss = new File(project, 'src/main/resources/io/github/gradproof/theme/assets/style.css')
assert new File(site, 'assets/style.css').bytes == builtInCss.bytes
return true
