#include "services/jw323.h"

#include <libxml/tree.h>

#include <memory>

namespace jh::services {

namespace {

using Doc = std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)>;

const xmlChar* X(const char* s) { return reinterpret_cast<const xmlChar*>(s); }

// A child with escaped text content (xmlNewTextChild escapes; xmlNewChild would not).
xmlNodePtr Child(xmlNodePtr parent, const char* name, const std::string& text) {
  return xmlNewTextChild(parent, nullptr, X(name), X(text.c_str()));
}

xmlNodePtr Group(xmlNodePtr parent, const char* name) {
  return xmlNewChild(parent, nullptr, X(name), nullptr);
}

// iJw LDT_Bedrag: eurocent, with the debit/credit indication; bills here are debit only.
void Bedrag(xmlNodePtr parent, const char* name, int64_t eurocent) {
  xmlNodePtr b = Group(parent, name);
  Child(b, "Bedrag", std::to_string(eurocent));
  Child(b, "DebetCredit", "D");
}

// "GM0363" → "0363": iJw identifies a municipality by the four digits of its CBS code.
std::string Gemeente(const std::string& code) { return code.size() == 6 ? code.substr(2) : code; }

}  // namespace

Result<std::string> Jw323Xml(const JwDeclaratie& d) {
  // iJw requires the BSN in a JW323; after erasure there is none, and a message without it
  // (or with an empty one) would be invalid, so the form is refused rather than sent.
  if (!d.bsn) {
    Error e = Error::Conflict(
        "De gegevens van de jeugdige zijn vernietigd (AVG-04); zonder BSN is er geen JW323.");
    e.rule = "AVG-04";
    e.ground = "AVG 17";
    return e;
  }
  Doc doc(xmlNewDoc(X("1.0")), xmlFreeDoc);
  if (!doc) return Error::Internal("JW323 kon niet worden opgebouwd.");
  xmlNodePtr root = xmlNewNode(nullptr, X("Bericht"));
  xmlNsPtr ns = xmlNewNs(root, X(kJw323Namespace), nullptr);
  xmlSetNs(root, ns);
  xmlDocSetRootElement(doc.get(), root);

  xmlNodePtr header = Group(root, "Header");
  Child(header, "BerichtCode", "490");  // iJw COD002-VEKT: 490 = JW323
  Child(header, "BerichtVersie", "3");
  Child(header, "BerichtSubversie", "2");
  Child(header, "Afzender", d.aanbieder_agb);
  Child(header, "Ontvanger", Gemeente(d.gemeentecode));
  Child(header, "DeclaratieDagtekening", d.ingediend_op.substr(0, 10));
  Bedrag(header, "DeclaratieTotaalBedrag", d.ingediend_bedrag);

  xmlNodePtr client = Group(root, "Client");
  Child(client, "Bsn", d.bsn->digits());
  xmlNodePtr p = Group(client, "Prestatie");
  Child(p, "ReferentieNummer", d.id);
  Child(p, "ToewijzingNummer", std::to_string(d.toewijzingnummer));
  xmlNodePtr product = Group(p, "Product");
  Child(product, "Categorie", d.productcategorie);
  Child(product, "Code", d.productcode);
  xmlNodePtr periode = Group(p, "ProductPeriode");
  Child(periode, "Begindatum", d.begin.ToString());
  Child(periode, "Einddatum", d.eind.ToString());
  Child(p, "GeleverdVolume", std::to_string(d.geleverd_volume));
  Child(p, "Eenheid", d.eenheid);
  if (d.product_tarief) Child(p, "ProductTarief", std::to_string(*d.product_tarief));
  Bedrag(p, "IngediendBedrag", d.ingediend_bedrag);
  Child(Group(p, "Verwijzer"), "Type", d.verwijzer);
  if (d.besluitnummer) Child(p, "Beschikkingnummer", std::to_string(*d.besluitnummer));

  xmlChar* buffer = nullptr;
  int size = 0;
  // UTF-8 is written without a byte-order mark; the declaration names the encoding.
  xmlDocDumpFormatMemoryEnc(doc.get(), &buffer, &size, "UTF-8", 1);
  if (buffer == nullptr) return Error::Internal("JW323 kon niet worden geschreven.");
  std::string out(reinterpret_cast<const char*>(buffer), static_cast<size_t>(size));
  xmlFree(buffer);
  return out;
}

}  // namespace jh::services
