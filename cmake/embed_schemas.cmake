# Writes OUTPUT: a C++ source holding every .json file under ROOT as a string, keyed by its
# path relative to ROOT (for example "entities/campaigns.json"). Run with cmake -P.
file(GLOB_RECURSE files RELATIVE ${ROOT} ${ROOT}/*.json)
list(SORT files)
set(body "// Generated from schemas/ by cmake/embed_schemas.cmake. Do not edit.\n")
string(APPEND body "#include \"catalog/embedded.hpp\"\n\nnamespace catalog {\n\n")
string(APPEND body "const std::vector<EmbeddedFile>& embedded_files() {\n  static const std::vector<EmbeddedFile> files{\n")
foreach(f ${files})
  file(READ ${ROOT}/${f} content)
  string(APPEND body "      {\"${f}\", R\"tmm_json(${content})tmm_json\"},\n")
endforeach()
string(APPEND body "  };\n  return files;\n}\n\n}  // namespace catalog\n")
file(WRITE ${OUTPUT}.tmp "${body}")
file(COPY_FILE ${OUTPUT}.tmp ${OUTPUT} ONLY_IF_DIFFERENT)
