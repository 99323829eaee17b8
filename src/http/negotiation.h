// Media types in request headers: the Accept header's choice among an operation's response
// forms, and whether a Content-Type names JSON. Pure string handling on what the caller
// sent (fuzzed: tests/fuzz/fuzz_request_headers.cc).
#pragma once

#include <string>
#include <vector>

namespace jh::api {

// Another form of an operation's success response, chosen by content negotiation: the
// request's Accept header (RFC 9110 12.5.1; q-values and type/* ranges). JSON stays the
// default — when Accept is absent, prefers JSON, ties, or names nothing the operation offers,
// the answer is JSON (never 406, unless the operation asks for it: Acceptable below). The handler
// reads the choice from Call::media and returns Reply.raw with that content_type; the OpenAPI
// document lists the form under the response.
struct Representation {
  std::string media_type;   // e.g. "application/xml"
  std::string description;  // what the form is, for the document
};

// The media type `accept` prefers among JSON and `offered`; "" means JSON.
std::string NegotiateMedia(const std::string& accept, const std::vector<Representation>& offered);

// False when `accept` is present and gives every one of JSON and `offered` quality 0: the
// caller accepts nothing the operation can answer (406 where the operation asks for it).
bool Acceptable(const std::string& accept, const std::vector<Representation>& offered);

// True when `content_type` is application/json (any case, parameters such as charset and
// whitespace ignored).
bool IsJsonMediaType(const std::string& content_type);

}  // namespace jh::api
