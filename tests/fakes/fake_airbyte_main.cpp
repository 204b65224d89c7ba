// The fake Airbyte API as a program, for the end-to-end tests: serves on a free loopback port,
// prints {"url": ...} on its first line of stdout, and stops when stdin closes.
//   fake_airbyte CLIENT_ID CLIENT_SECRET

#include <iostream>
#include <string>

#include "fakes/fake_airbyte_server.hpp"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: fake_airbyte CLIENT_ID CLIENT_SECRET\n";
    return 2;
  }
  fakes::FakeAirbyteServer server(argv[1], argv[2]);
  std::cout << nlohmann::json{{"url", server.url()}}.dump() << std::endl;
  std::string line;
  while (std::getline(std::cin, line)) {
  }
  return 0;
}
