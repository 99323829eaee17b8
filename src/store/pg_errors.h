// PostgreSQL errors (SQLSTATE) mapped to jh::Error, in the spirit of the SQLite store's
// MapError. Internal to the PostgreSQL store.
//
//   23505 unique, 23503 foreign key                 -> kConflict (409), naming no value
//   40001 serialization failure, 40P01 deadlock     -> kUnavailable, and retryable: the store
//                                                      runs the whole transaction again
//   08 connection, 53 resources (disk full, memory, -> kUnavailable (503)
//   too many connections), 57 shutdown/cancel,
//   58 system I/O, XX internal/corruption, 55P03
//   everything else (syntax, undefined table,       -> kInternal: a defect
//   data exceptions, other constraints, 08P01
//   protocol violation: a wrong parameter count)
//
// Messages never carry a value: for data exceptions (class 22) and constraint violations
// (class 23) PostgreSQL's own message can quote the offending value, so only the SQLSTATE and
// the column or constraint name are kept; its DETAIL (which names key values) never is.
#pragma once

#include "core/result.h"

struct pg_result;

namespace jh::store::pg {

// The error of a failed result.
Error MapError(const pg_result* r);
// The error when there is no result or the connection is gone.
Error LostConnection();
// True for a serialization failure or a deadlock (40001, 40P01).
bool IsRetryable(const pg_result* r);

}  // namespace jh::store::pg
