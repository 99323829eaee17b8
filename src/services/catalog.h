// The fixed vocabularies of API.md: kinds of organisation (soort) and roles (rol), and which
// roles an organisation of each kind can have. Refusing a huisarts at a school keeps the
// rules that depend on the role (JW-02, VIR-02, …) from being fooled by bad administration.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace jh::services {

const std::vector<std::string>& OrganisatieSoorten();
const std::vector<std::string>& Rollen();
const std::vector<std::string>& Toegangsteams();  // wijkteam, jeugdteam, cjg

// Whether a medewerker with `rol` can work for an organisation of `soort`.
bool RolPastBijOrganisatie(std::string_view rol, std::string_view soort);
// The kinds of organisation a role belongs to, for error messages.
std::string OrganisatieSoortenVoorRol(std::string_view rol);
// Whether an organisation of `soort` can hold a care contract (aanbieder).
bool KanJeugdhulpAanbieden(std::string_view soort);

}  // namespace jh::services
