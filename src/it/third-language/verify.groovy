// French added by one UI-strings file and fr: fields; published at a base URL set in the POM.
import javax.xml.XMLConstants
import javax.xml.transform.stream.StreamSource
import javax.xml.validation.SchemaFactory

def site = new File(basedir, 'site')
def read = { String path -> new File(site, path).getText('UTF-8') }
def project = basedir.parentFile.parentFile.parentFile
def base = 'https://courses.example.org/autograd/'
def page = 'phase-03-chain-rule.html'

def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[INFO] gradproof: 1 phase, 1 question and 3 claims verified; 8 pages written to site/ in ') : log

def fr = read("fr/$page")
assert fr.startsWith('<!DOCTYPE html>\n<html lang="fr">')
assert fr.contains('<summary>Voir la réponse</summary>')
assert fr.contains('Carré d&#39;un produit') || fr.contains("Carré d'un produit")
assert fr.contains('<meta name="description" content="Des gradients à travers une composition.">')
assert read('md/fr/phase-03-chain-rule.md').contains('# Phase 3 — La règle de dérivation en chaîne')

// Every page leads to each of the two other languages, named in that language.
def en = read("en/$page")
assert en.contains("<a class=\"lang-switch\" href=\"../es/$page\" hreflang=\"es\" lang=\"es\" title=\"Leer esta página en español\">Español</a>")
assert en.contains("<a class=\"lang-switch\" href=\"../fr/$page\" hreflang=\"fr\" lang=\"fr\" title=\"Lire cette page en français\">Français</a>")
assert fr.contains("<a class=\"lang-switch\" href=\"../en/$page\" hreflang=\"en\" lang=\"en\" title=\"Read this page in English\">English</a>")

// Absolute canonical and hreflang links, with x-default, on every language's page.
['en', 'es', 'fr'].each { lang ->
  def html = read("$lang/$page")
  assert html.contains("<link rel=\"canonical\" href=\"$base$lang/$page\">")
  ['en', 'es', 'fr'].each { other ->
    assert html.contains("<link rel=\"alternate\" hreflang=\"$other\" href=\"$base$other/$page\">")
  }
  assert html.contains("<link rel=\"alternate\" hreflang=\"x-default\" href=\"${base}en/$page\">")
  assert read("$lang/index.html").contains("<link rel=\"canonical\" href=\"$base$lang/\">")
}
assert read('index.html').contains("<link rel=\"alternate\" hreflang=\"x-default\" href=\"$base\">")

// 404.html in the root language, with links that work at any depth.
def notFound = read('404.html')
assert notFound.startsWith('<!DOCTYPE html>\n<html lang="en">')
assert notFound.contains("<link rel=\"stylesheet\" href=\"${base}assets/style.css\">")
assert notFound.contains('<meta name="robots" content="noindex">')

// The sitemap: valid against the project's sitemap schema, every page listed with its alternates,
// every URL a file of the site.
def factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, '')
factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, 'file')
def schema = factory.newSchema(new File(project, 'src/test/resources/sitemap/sitemap.xsd'))
schema.newValidator().validate(new StreamSource(new File(site, 'sitemap.xml')))
def dbf = javax.xml.parsers.DocumentBuilderFactory.newInstance()
dbf.namespaceAware = true
def doc = dbf.newDocumentBuilder().parse(new File(site, 'sitemap.xml'))
def urls = doc.getElementsByTagNameNS('http://www.sitemaps.org/schemas/sitemap/0.9', 'url')
def fileOf = { String url -> def path = url - base; path.isEmpty() || path.endsWith('/') ? path + 'index.html' : path }
def locs = (0..<urls.length).collect { urls.item(it).getElementsByTagNameNS('http://www.sitemaps.org/schemas/sitemap/0.9', 'loc').item(0).textContent }
assert locs.size() == 1 + 3 + 3 : locs
def pages = []
site.eachFileRecurse { if (it.name.endsWith('.html') && it.name != '404.html') pages << site.toPath().relativize(it.toPath()).toString().replace('\\', '/') }
assert locs.collect { fileOf(it) }.sort() == pages.sort()
(0..<urls.length).each { i ->
  def links = urls.item(i).getElementsByTagNameNS('http://www.w3.org/1999/xhtml', 'link')
  assert links.length == 4 : "${locs[i]}: one alternate per language and x-default"
  (0..<links.length).each { j ->
    def href = links.item(j).getAttribute('href')
    assert href.startsWith(base) && new File(site, fileOf(href)).isFile() : href
  }
}
return true
