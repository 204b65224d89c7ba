#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "net/ca_bundle.hpp"

TEST_CASE("the first CA bundle that exists is used; with none, the first is named") {
  const auto dir = std::filesystem::temp_directory_path() / "tmm-ca-bundle-test";
  std::filesystem::create_directories(dir);
  const auto present = (dir / "present.pem").string();
  std::ofstream(present) << "-----BEGIN CERTIFICATE-----\n";
  const auto missing = (dir / "missing.pem").string();
  const auto folder = dir.string();  // a folder is not a bundle

  CHECK(net::first_existing_file({missing, folder, present}) == present);
  CHECK(net::first_existing_file({missing, folder}) == missing);
  CHECK(net::first_existing_file({}).empty());
  std::filesystem::remove_all(dir);
}

TEST_CASE("SSL_CERT_FILE names the CA bundle when set") {
  const char* before = std::getenv("SSL_CERT_FILE");
  const std::string saved = before ? before : "";
  ::setenv("SSL_CERT_FILE", "/opt/certs/bundle.pem", 1);
  CHECK(net::system_ca_bundle() == "/opt/certs/bundle.pem");
  ::unsetenv("SSL_CERT_FILE");
  CHECK_FALSE(net::system_ca_bundle().empty());
  if (before) ::setenv("SSL_CERT_FILE", saved.c_str(), 1);
}
