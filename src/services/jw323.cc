#include "services/jw323.h"

#include <libxml/tree.h>

#include <memory>
#include <vector>

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

// One JW323 message for `bills` (same provider, municipality and day, each with a BSN).
void AppendBericht(xmlNodePtr parent, xmlDocPtr doc,
                   const std::vector<const JwDeclaratie*>& bills) {
  const JwDeclaratie& first = *bills.front();
  xmlNodePtr root = xmlNewNode(nullptr, X("Bericht"));
  xmlNsPtr ns = xmlNewNs(root, X(kJw323Namespace), nullptr);
  xmlSetNs(root, ns);
  if (parent == nullptr) {
    xmlDocSetRootElement(doc, root);
  } else {
    xmlAddChild(parent, root);
  }

  int64_t totaal = 0;
  for (const JwDeclaratie* d : bills) totaal += d->ingediend_bedrag;
  xmlNodePtr header = Group(root, "Header");
  Child(header, "BerichtCode", "490");  // iJw COD002-VEKT: 490 = JW323
  Child(header, "BerichtVersie", "3");
  Child(header, "BerichtSubversie", "2");
  Child(header, "Afzender", first.aanbieder_agb);
  Child(header, "Ontvanger", Gemeente(first.gemeentecode));
  Child(header, "DeclaratieDagtekening", first.ingediend_op.substr(0, 10));
  Bedrag(header, "DeclaratieTotaalBedrag", totaal);

  for (const JwDeclaratie* d : bills) {
    xmlNodePtr client = Group(root, "Client");
    Child(client, "Bsn", d->bsn->digits());
    xmlNodePtr p = Group(client, "Prestatie");
    Child(p, "ReferentieNummer", d->id);
    Child(p, "ToewijzingNummer", std::to_string(d->toewijzingnummer));
    xmlNodePtr product = Group(p, "Product");
    Child(product, "Categorie", d->productcategorie);
    Child(product, "Code", d->productcode);
    xmlNodePtr periode = Group(p, "ProductPeriode");
    Child(periode, "Begindatum", d->begin.ToString());
    Child(periode, "Einddatum", d->eind.ToString());
    Child(p, "GeleverdVolume", std::to_string(d->geleverd_volume));
    Child(p, "Eenheid", d->eenheid);
    if (d->product_tarief) Child(p, "ProductTarief", std::to_string(*d->product_tarief));
    Bedrag(p, "IngediendBedrag", d->ingediend_bedrag);
    Child(Group(p, "Verwijzer"), "Type", d->verwijzer);
    if (d->besluitnummer) Child(p, "Beschikkingnummer", std::to_string(*d->besluitnummer));
  }
}

Result<std::string> Dump(xmlDocPtr doc) {
  xmlChar* buffer = nullptr;
  int size = 0;
  // UTF-8 is written without a byte-order mark; the declaration names the encoding.
  xmlDocDumpFormatMemoryEnc(doc, &buffer, &size, "UTF-8", 1);
  if (buffer == nullptr) return Error::Internal("JW323 kon niet worden geschreven.");
  std::string out(reinterpret_cast<const char*>(buffer), static_cast<size_t>(size));
  xmlFree(buffer);
  return out;
}

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
  AppendBericht(nullptr, doc.get(), {&d});
  return Dump(doc.get());
}

Result<std::string> Jw323XmlLijst(const std::vector<JwDeclaratie>& bills, int64_t totaal) {
  Doc doc(xmlNewDoc(X("1.0")), xmlFreeDoc);
  if (!doc) return Error::Internal("JW323 kon niet worden opgebouwd.");
  xmlNodePtr root = xmlNewNode(nullptr, X("Berichten"));
  xmlSetNs(root, xmlNewNs(root, X(kJw323Namespace), nullptr));
  xmlDocSetRootElement(doc.get(), root);
  xmlNewProp(root, X("totaal"), X(std::to_string(totaal).c_str()));
  // A JW323 has one sender, one receiver and one date: consecutive bills that share them
  // form one message. A bill of an erased youth has no BSN a JW323 could carry (AVG-04); it
  // is counted as `weggelaten` instead, so the page does not look complete when it is not.
  int64_t weggelaten = 0;
  std::vector<const JwDeclaratie*> group;
  auto flush = [&] {
    if (!group.empty()) AppendBericht(root, doc.get(), group);
    group.clear();
  };
  for (const JwDeclaratie& d : bills) {
    if (!d.bsn) {
      ++weggelaten;
      continue;
    }
    if (!group.empty() &&
        (group.front()->aanbieder_agb != d.aanbieder_agb ||
         group.front()->gemeentecode != d.gemeentecode ||
         group.front()->ingediend_op.substr(0, 10) != d.ingediend_op.substr(0, 10))) {
      flush();
    }
    group.push_back(&d);
  }
  flush();
  xmlNewProp(root, X("weggelaten"), X(std::to_string(weggelaten).c_str()));
  return Dump(doc.get());
}

}  // namespace jh::services
