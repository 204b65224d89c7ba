# What `cmake --install` and the Debian package (CPack) put where; scripts/package.sh drives it.
include(GNUInstallDirs)

install(TARGETS tiktok-marketing-mcp RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

# The client configuration examples, with the command at the path this install puts the binary.
set(TMM_INSTALLED_BINARY "${CMAKE_INSTALL_FULL_BINDIR}/tiktok-marketing-mcp")
foreach(example claude_desktop_config.json claude_code.mcp.json config.example.json)
  file(READ ${CMAKE_SOURCE_DIR}/examples/${example} text)
  string(REPLACE "/usr/local/bin/tiktok-marketing-mcp" "${TMM_INSTALLED_BINARY}" text "${text}")
  file(WRITE ${CMAKE_BINARY_DIR}/examples/${example} "${text}")
  install(FILES ${CMAKE_BINARY_DIR}/examples/${example} DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)
endforeach()
install(FILES ${CMAKE_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})

# The man page is the binary's --help, through help2man (target `man`, built by scripts/package.sh).
find_program(TMM_HELP2MAN help2man)
if(TMM_HELP2MAN)
  set(TMM_MAN_PAGE ${CMAKE_BINARY_DIR}/man/tiktok-marketing-mcp.1.gz)
  add_custom_command(
    OUTPUT ${TMM_MAN_PAGE}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/man
    COMMAND ${TMM_HELP2MAN} --no-info --no-discard-stderr --section 1
            --name "a Model Context Protocol server for the TikTok Business API"
            --output ${CMAKE_BINARY_DIR}/man/tiktok-marketing-mcp.1 $<TARGET_FILE:tiktok-marketing-mcp>
    COMMAND gzip -9nf ${CMAKE_BINARY_DIR}/man/tiktok-marketing-mcp.1
    DEPENDS tiktok-marketing-mcp
    COMMENT "Man page from --help (help2man)")
  add_custom_target(man DEPENDS ${TMM_MAN_PAGE})
  install(FILES ${TMM_MAN_PAGE} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 OPTIONAL)
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME tiktok-marketing-mcp)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "MCP server for the TikTok Business (Marketing) API")
set(CPACK_PACKAGE_DESCRIPTION "A Model Context Protocol server that lets AI agents (Claude Desktop, Claude Code, \
any MCP client) read TikTok advertising accounts and, when allowed, change them after a confirmation, through \
the TikTok Business API or the Airbyte agent API. Includes a demo account (--demo).")
set(CPACK_PACKAGE_CONTACT "tiktok-marketing-mcp maintainers <maintainers@tiktok-marketing-mcp.invalid>")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION net)
# Depends is computed from the binary by dpkg-shlibdeps (Debian's dpkg-dev).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_STRIP_FILES ON)
include(CPack)

# The MCP bundle's manifest, with the version (scripts/package.sh packs it).
configure_file(${CMAKE_SOURCE_DIR}/packaging/mcpb/manifest.json.in ${CMAKE_BINARY_DIR}/mcpb/manifest.json @ONLY)
