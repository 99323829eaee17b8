#include "app/data_dir.h"

#include <sys/stat.h>

#include "services/medewerkers.h"
#include "services/organisaties.h"

namespace jh::app {

Result<std::string> InitDataDir(const DataDir& dir, const Clock& clock,
                                const std::string& gemeentecode) {
  JH_TRY(crypto::Init());
  std::error_code ec;
  std::filesystem::create_directories(dir.root, ec);
  if (ec) return Error::Unavailable("De datamap kan niet worden gemaakt: " + ec.message());
  ::chmod(dir.root.c_str(), 0700);
  JH_TRY(crypto::Vault::CreateKeyFile(dir.KeyFile()));
  JH_ASSIGN_OR_RETURN(Opened opened, OpenDataDir(dir));
  services::Env env{*opened.store, *opened.vault, clock};
  services::Organisatie org;
  org.naam = "Beheer";
  org.soort = "gemeente";
  org.gemeentecode = gemeentecode;
  JH_ASSIGN_OR_RETURN(org, services::CreateOrganisatie(env, org));
  services::Medewerker m;
  m.organisatie_id = org.id;
  m.naam = "Beheerder";
  m.rol = "beheerder";
  m.telefoon = "0800 0000";
  m.email = "beheer@jeugdhulp.example";
  JH_ASSIGN_OR_RETURN(m, services::CreateMedewerker(env, m));
  return services::IssueMedewerkerToken(env, m.id);
}

Result<Opened> OpenDataDir(const DataDir& dir, const store::SqliteOptions& options) {
  JH_TRY(crypto::Init());
  if (!std::filesystem::exists(dir.KeyFile())) {
    return Error::Unavailable("De datamap is niet geïnitialiseerd (jeugdhulp init --data DIR).");
  }
  Opened out;
  JH_ASSIGN_OR_RETURN(out.vault, crypto::Vault::Open(dir.KeyFile()));
  JH_ASSIGN_OR_RETURN(out.store, store::OpenSqlite(dir.Database(), options));
  return out;
}

}  // namespace jh::app
