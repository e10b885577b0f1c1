# embed.cmake: turns a text file into a C header holding it as a string.
#
#   cmake -DIN=src/store/schema.sql -DOUT=build/generated/schema_sql.h \
#         -DNAME=ent_schema_sql -P cmake/embed.cmake
#
# writes `static const char NAME[] = {0x2d, ..., 0x00};`: bytes rather than
# an escaped literal, so any content (quotes, backslashes, '??' trigraphs,
# long lines) comes through unchanged. CMakeLists.txt runs it from an
# add_custom_command, so only when the input (or this script) changes.
if(NOT IN OR NOT OUT OR NOT NAME)
  message(FATAL_ERROR "embed.cmake: IN, OUT and NAME must be set")
endif()
file(READ "${IN}" hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," hex "${hex}")
# Twelve bytes a line keep the header readable in a diff or a debugger.
# (CMake regexes have no {n} repeat, hence the spelled-out group.)
set(b "0x[0-9a-f][0-9a-f],")
string(REGEX REPLACE "(${b}${b}${b}${b}${b}${b}${b}${b}${b}${b}${b}${b})" "\\1\n\t"
       hex "${hex}")
get_filename_component(src "${IN}" NAME)
set(text "/* Generated from ${src} by cmake/embed.cmake: do not edit. */\n")
string(APPEND text "static const char ${NAME}[] = {\n\t${hex}0x00};\n")
file(WRITE "${OUT}" "${text}")
