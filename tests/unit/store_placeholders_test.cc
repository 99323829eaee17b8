#include "store/placeholders.h"

#include <gtest/gtest.h>

namespace jh::store::sqlite {
namespace {

TEST(StorePlaceholdersTest, TranslatesNumberedParameters) {
  EXPECT_EQ(TranslatePlaceholders("SELECT a FROM t WHERE b = $1 AND c = $12"),
            "SELECT a FROM t WHERE b = ?1 AND c = ?12");
  EXPECT_EQ(TranslatePlaceholders("INSERT INTO t VALUES ($1,$2)"), "INSERT INTO t VALUES (?1,?2)");
}

TEST(StorePlaceholdersTest, LeavesLiteralsIdentifiersAndCommentsAlone) {
  EXPECT_EQ(TranslatePlaceholders("SELECT '$1', $1"), "SELECT '$1', ?1");
  EXPECT_EQ(TranslatePlaceholders("SELECT 'it''s $2', $2"), "SELECT 'it''s $2', ?2");
  EXPECT_EQ(TranslatePlaceholders("SELECT \"col$1\" FROM t"), "SELECT \"col$1\" FROM t");
  EXPECT_EQ(TranslatePlaceholders("SELECT `x$1`, [y$2]"), "SELECT `x$1`, [y$2]");
  EXPECT_EQ(TranslatePlaceholders("SELECT 1 -- costs $1\n, $1"), "SELECT 1 -- costs $1\n, ?1");
  EXPECT_EQ(TranslatePlaceholders("SELECT /* $1 */ $1"), "SELECT /* $1 */ ?1");
}

TEST(StorePlaceholdersTest, KeepsDollarWithoutDigitsAndUnterminatedInput) {
  EXPECT_EQ(TranslatePlaceholders("SELECT $x, $"), "SELECT $x, $");
  EXPECT_EQ(TranslatePlaceholders("SELECT 'open $1"), "SELECT 'open $1");
  EXPECT_EQ(TranslatePlaceholders("/* open $1"), "/* open $1");
  EXPECT_EQ(TranslatePlaceholders(""), "");
}

}  // namespace
}  // namespace jh::store::sqlite
