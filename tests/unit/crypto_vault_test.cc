#include "crypto/vault.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace jh::crypto {
namespace {

namespace fs = std::filesystem;

Bsn MustBsn(std::string_view digits) {
  auto b = Bsn::Parse(digits);
  EXPECT_TRUE(b.ok());
  return std::move(b).value();
}

class CryptoVaultTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(Init().ok());
    ASSERT_FALSE(tmp_.path().empty());
    dir_ = tmp_.path();
  }
  void TearDown() override {}
  jh::testing::TempDir tmp_;  // removed with its contents after the test
  fs::path dir_;
};

TEST_F(CryptoVaultTest, KeyFileIsCreatedOwnerOnlyAndOpens) {
  const fs::path key = dir_ / "master.key";
  ASSERT_TRUE(Vault::CreateKeyFile(key).ok());
  struct stat st {};
  ASSERT_EQ(::stat(key.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_EQ(st.st_size, 32);
  auto v = Vault::Open(key);
  ASSERT_TRUE(v.ok()) << v.error().message;

  // The same file gives the same vault: sealed keys and indexes survive a restart.
  auto again = Vault::Open(key);
  ASSERT_TRUE(again.ok());
  const Bsn bsn = MustBsn("111222333");
  EXPECT_EQ((*v)->BsnIndex(bsn), (*again)->BsnIndex(bsn));
  const DataKey dk = (*v)->NewDataKey();
  auto unsealed = (*again)->Unseal((*v)->Seal(dk, "owner-1"), "owner-1");
  ASSERT_TRUE(unsealed.ok());
  EXPECT_EQ(std::string(reinterpret_cast<const char*>(unsealed->data()), 32),
            std::string(reinterpret_cast<const char*>(dk.data()), 32));
}

TEST_F(CryptoVaultTest, KeyFileIsNeverOverwritten) {
  const fs::path key = dir_ / "master.key";
  ASSERT_TRUE(Vault::CreateKeyFile(key).ok());
  auto before = Vault::Open(key);
  ASSERT_TRUE(before.ok());
  Status again = Vault::CreateKeyFile(key);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  auto after = Vault::Open(key);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ((*before)->Pseudonym("x"), (*after)->Pseudonym("x"));
}

TEST_F(CryptoVaultTest, OpenRefusesLooseModesWrongSizesAndMissingFiles) {
  const fs::path key = dir_ / "master.key";
  ASSERT_TRUE(Vault::CreateKeyFile(key).ok());
  ASSERT_EQ(::chmod(key.c_str(), 0644), 0);
  auto loose = Vault::Open(key);
  ASSERT_FALSE(loose.ok());
  EXPECT_EQ(loose.error().code, ErrorCode::kUnavailable);
  ASSERT_EQ(::chmod(key.c_str(), 0400), 0);
  EXPECT_TRUE(Vault::Open(key).ok());  // stricter than 0600 is fine

  const fs::path short_key = dir_ / "short.key";
  { std::ofstream(short_key) << "too short"; }
  ASSERT_EQ(::chmod(short_key.c_str(), 0600), 0);
  auto s = Vault::Open(short_key);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kUnavailable);

  auto missing = Vault::Open(dir_ / "absent.key");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kUnavailable);

  ASSERT_FALSE(Vault::Open(dir_).ok());  // a directory is not a key file
  EXPECT_FALSE(Vault::CreateKeyFile(dir_ / "no" / "dir" / "master.key").ok());
}

TEST_F(CryptoVaultTest, BsnIndexIsDeterministicPerBsnAndPerMasterKey) {
  auto a = Vault::ForTesting("seed-a");
  auto a2 = Vault::ForTesting("seed-a");
  auto b = Vault::ForTesting("seed-b");
  const Bsn one = MustBsn("111222333");
  const Bsn two = MustBsn("123456782");
  EXPECT_EQ(a->BsnIndex(one).size(), 32u);
  EXPECT_EQ(a->BsnIndex(one), a->BsnIndex(one));
  EXPECT_EQ(a->BsnIndex(one), a2->BsnIndex(one));
  EXPECT_NE(a->BsnIndex(one), a->BsnIndex(two));
  EXPECT_NE(a->BsnIndex(one), b->BsnIndex(one));
  EXPECT_EQ(a->BsnIndex(one).find(one.digits()), std::string::npos);
}

TEST_F(CryptoVaultTest, PseudonymIsStableHexAndIndependentOfTheIndex) {
  auto v = Vault::ForTesting("seed");
  const std::string p = v->Pseudonym("111222333");
  ASSERT_EQ(p.size(), 64u);
  EXPECT_EQ(p.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(p, v->Pseudonym("111222333"));
  EXPECT_NE(p, v->Pseudonym("111222334"));
  EXPECT_NE(p, Vault::ForTesting("other")->Pseudonym("111222333"));
  // Different subkeys: the pseudonym of the digits is not the hex of their BSN index.
  const std::string index = v->BsnIndex(MustBsn("111222333"));
  std::string index_hex;
  for (unsigned char c : index) {
    static constexpr char kHex[] = "0123456789abcdef";
    index_hex += kHex[c >> 4];
    index_hex += kHex[c & 15];
  }
  EXPECT_NE(p, index_hex);
}

TEST_F(CryptoVaultTest, SealedKeysOpenOnlyForTheirOwnerAndMaster) {
  auto v = Vault::ForTesting("seed");
  const DataKey k = v->NewDataKey();
  const std::string sealed = v->Seal(k, "persoon-1");
  EXPECT_EQ(sealed.size(), 24u + 32u + 16u);
  EXPECT_NE(sealed, v->Seal(k, "persoon-1"));  // fresh nonce every time
  ASSERT_TRUE(v->Unseal(sealed, "persoon-1").ok());

  auto wrong_owner = v->Unseal(sealed, "persoon-2");
  ASSERT_FALSE(wrong_owner.ok());
  EXPECT_EQ(wrong_owner.error().code, ErrorCode::kInternal);
  EXPECT_FALSE(Vault::ForTesting("other")->Unseal(sealed, "persoon-1").ok());
  std::string tampered = sealed;
  tampered[30] ^= 1;
  EXPECT_FALSE(v->Unseal(tampered, "persoon-1").ok());
  EXPECT_FALSE(v->Unseal(sealed.substr(0, 40), "persoon-1").ok());
  EXPECT_FALSE(v->Unseal("", "persoon-1").ok());
}

TEST_F(CryptoVaultTest, FieldsRoundTripAndAreBoundToKeyAndAssociatedData) {
  auto v = Vault::ForTesting("seed");
  const DataKey k = v->NewDataKey();
  const std::string ad = "persoon-1|bsn";
  for (const std::string& plain :
       {std::string(), std::string("111222333"), std::string("J\xc3\xa1n de Vries\0x", 15),
        std::string(5000, 'x')}) {
    const std::string c = Vault::Encrypt(k, plain, ad);
    EXPECT_EQ(c.size(), 24 + plain.size() + 16);
    if (!plain.empty()) {
      EXPECT_EQ(c.find(plain), std::string::npos);
    }
    auto back = Vault::Decrypt(k, c, ad);
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(*back, plain);
  }
  const std::string c = Vault::Encrypt(k, "geheim", ad);
  EXPECT_NE(c, Vault::Encrypt(k, "geheim", ad));
  auto wrong_ad = Vault::Decrypt(k, c, "persoon-2|bsn");
  ASSERT_FALSE(wrong_ad.ok());
  EXPECT_EQ(wrong_ad.error().code, ErrorCode::kInternal);
  EXPECT_FALSE(Vault::Decrypt(v->NewDataKey(), c, ad).ok());
  for (size_t i : {size_t{0}, size_t{23}, size_t{24}, c.size() - 1}) {
    std::string tampered = c;
    tampered[i] ^= 0x40;
    EXPECT_FALSE(Vault::Decrypt(k, tampered, ad).ok()) << i;
  }
  EXPECT_FALSE(Vault::Decrypt(k, c.substr(0, 39), ad).ok());
  EXPECT_FALSE(Vault::Decrypt(k, "", ad).ok());
}

TEST_F(CryptoVaultTest, DataKeysAreRandomAndCopyable) {
  auto v = Vault::ForTesting("seed");
  const DataKey a = v->NewDataKey();
  const DataKey b = v->NewDataKey();
  EXPECT_NE(std::string(reinterpret_cast<const char*>(a.data()), 32),
            std::string(reinterpret_cast<const char*>(b.data()), 32));
  DataKey c = a;
  DataKey d;
  d = b;
  EXPECT_EQ(Vault::Decrypt(c, Vault::Encrypt(a, "x", "ad"), "ad").value(), "x");
  EXPECT_EQ(Vault::Decrypt(d, Vault::Encrypt(b, "y", "ad"), "ad").value(), "y");
}

}  // namespace
}  // namespace jh::crypto
