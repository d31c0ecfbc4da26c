// scenarios/schema.json (for editors) and the loader (ScenarioKeys, used by every
// check_keys call) must accept the same keys in the same places, the same distribution
// forms and disruption kinds, and the same names. When a section is added to one and not
// the other, this fails and names the place. (tests/scenario/schema_check.py runs a JSON
// Schema validator over the library and the broken corpus.)
#include <filesystem>
#include <fstream>
#include <functional>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "base/Identifier.hpp"
#include "scenario/ScenarioKeys.hpp"
#include "support/Files.hpp"

using nlohmann::json;

namespace {

struct SchemaPlaces {
  std::map<std::string, std::set<std::string>> keys; // place pattern -> property names
  std::set<std::string> distributions;                // places holding a distribution
};

std::string join(const std::string& path, const std::string& key) { return path.empty() ? key : path + "." + key; }

class SchemaWalker {
public:
  explicit SchemaWalker(const json& root) : root_(root) {}
  void walk(const json& node, const std::string& place, SchemaPlaces& out) const {
    if (node.contains("$ref")) {
      const std::string ref = node["$ref"];
      const std::string prefix = "#/$defs/";
      ASSERT_EQ(ref.rfind(prefix, 0), 0u) << ref;
      const std::string name = ref.substr(prefix.size());
      if (name == "distribution" || name.ends_with("_distribution")) {
        out.distributions.insert(place);
        return;
      }
      walk(root_["$defs"][name], place, out);
      return;
    }
    if (node.contains("properties")) {
      EXPECT_EQ(node.value("additionalProperties", json(true)), json(false))
          << place << ": an object with properties must refuse others, as the loader does";
      auto& keys = out.keys[place];
      for (const auto& [k, v] : node["properties"].items()) {
        keys.insert(k);
        walk(v, join(place, k), out);
      }
    }
    if (node.contains("items"))
      walk(node["items"], join(place, "*"), out);
    if (node.contains("additionalProperties") && node["additionalProperties"].is_object())
      walk(node["additionalProperties"], join(place, "*"), out);
  }

private:
  const json& root_;
};

json load_schema() {
  std::ifstream in(rongou::test::source_path("scenarios/schema.json"));
  return json::parse(in);
}

TEST(Schema, AcceptsTheSameKeysAsTheLoaderInTheSamePlaces) {
  const json schema = load_schema();
  SchemaPlaces places;
  SchemaWalker(schema).walk(schema, "", places);
  std::map<std::string, std::set<std::string>> loader;
  for (const auto& [place, keys] : rongou::scenario_keys())
    loader[place] = std::set<std::string>(keys.begin(), keys.end());
  for (const auto& [place, keys] : loader) {
    ASSERT_TRUE(places.keys.count(place)) << "the loader reads place '" << place << "' that the schema lacks";
    EXPECT_EQ(places.keys.at(place), keys) << "keys differ at '" << place << "'";
  }
  for (const auto& [place, keys] : places.keys)
    EXPECT_TRUE(loader.count(place)) << "the schema has place '" << place << "' that the loader does not read";
}

std::set<std::string> strings(const json& list) {
  std::set<std::string> out;
  for (const auto& v : list)
    out.insert(v.get<std::string>());
  return out;
}

std::map<std::string, std::set<std::string>> as_sets(const std::map<std::string, std::vector<std::string>>& m) {
  std::map<std::string, std::set<std::string>> out;
  for (const auto& [k, v] : m)
    out[k] = std::set<std::string>(v.begin(), v.end());
  return out;
}

// `allOf: [{if: {properties: {FIELD: {const: K}}}, then: {...}}]` as K -> then.
std::map<std::string, json> cases_by(const json& all_of, const std::string& field) {
  std::map<std::string, json> out;
  for (const auto& c : all_of)
    out[c["if"]["properties"][field]["const"].get<std::string>()] = c["then"];
  return out;
}

TEST(Schema, DistributionsMatchTheLoader) {
  const json schema = load_schema();
  const auto loader = as_sets(rongou::distribution_parameters());
  const json& mapping = schema["$defs"]["distribution"]["oneOf"][1];
  std::set<std::string> names = strings(mapping["properties"]["dist"]["enum"]);
  std::set<std::string> loader_names, all_params = {"dist"};
  for (const auto& [name, params] : loader) {
    loader_names.insert(name);
    all_params.insert(params.begin(), params.end());
  }
  EXPECT_EQ(names, loader_names);
  std::set<std::string> schema_params;
  for (const auto& [k, _] : mapping["properties"].items())
    schema_params.insert(k);
  EXPECT_EQ(schema_params, all_params);
  // Keys each form takes (any file) and must give (a file without extends).
  std::map<std::string, std::set<std::string>> allowed, required;
  for (const auto& [name, then] : cases_by(mapping["allOf"], "dist")) {
    auto keys = strings(then["propertyNames"]["enum"]);
    keys.erase("dist");
    allowed[name] = keys;
  }
  for (const auto& [name, then] : cases_by(schema["$defs"]["complete_distribution"]["then"]["allOf"], "dist"))
    if (then.contains("required"))
      required[name] = strings(then["required"]);
  EXPECT_EQ(allowed, loader);
  EXPECT_EQ(required, loader);
}

TEST(Schema, DisruptionKindsMatchTheLoader) {
  const json schema = load_schema();
  const json& item = schema["properties"]["disruptions"]["items"];
  std::map<std::string, std::set<std::string>> in_schema;
  for (const auto& [kind, then] : cases_by(item["allOf"], "kind"))
    in_schema[kind] = strings(then["propertyNames"]["enum"]);
  EXPECT_EQ(in_schema, as_sets(rongou::disruption_keys()));
  std::set<std::string> kinds;
  for (const auto& [kind, _] : rongou::disruption_keys())
    kinds.insert(kind);
  EXPECT_EQ(strings(item["properties"]["kind"]["enum"]), kinds);
}

// $defs/complete lays required keys over the main schema for files without extends; every
// key it names must be one the loader reads at that place.
void check_overlay(const json& node, const std::string& place, const SchemaPlaces& places) {
  const auto known = places.keys.find(place);
  if (node.contains("required")) {
    ASSERT_NE(known, places.keys.end()) << "$defs/complete requires keys at unknown place '" << place << "'";
    for (const auto& key : node["required"])
      EXPECT_TRUE(known->second.count(key.get<std::string>())) << place << ": requires unknown key " << key;
  }
  if (node.contains("properties"))
    for (const auto& [key, sub] : node["properties"].items()) {
      if (known == places.keys.end() || !known->second.count(key)) {
        ADD_FAILURE() << "$defs/complete names unknown key '" << key << "' at '" << place << "'";
        continue;
      }
      if (sub.contains("$ref")) {
        EXPECT_TRUE(places.distributions.count(join(place, key)))
            << join(place, key) << ": a complete distribution where the schema has none";
      }
      check_overlay(sub, join(place, key), places);
    }
  if (node.contains("additionalProperties") && node["additionalProperties"].is_object()) {
    const json& sub = node["additionalProperties"];
    if (sub.contains("$ref")) {
      EXPECT_TRUE(places.distributions.count(join(place, "*"))) << join(place, "*");
    } else {
      check_overlay(sub, join(place, "*"), places);
    }
  }
  for (const char* branch : {"anyOf", "allOf", "oneOf"})
    if (node.contains(branch))
      for (const auto& option : node[branch])
        check_overlay(option, place, places);
  for (const char* branch : {"if", "then"})
    if (node.contains(branch))
      check_overlay(node[branch], place, places);
}

TEST(Schema, RequirementsOfAFileWithoutExtendsNameKnownKeys) {
  const json schema = load_schema();
  SchemaPlaces places;
  SchemaWalker(schema).walk(schema, "", places);
  EXPECT_EQ(schema["if"], json({{"required", {"extends"}}}));
  EXPECT_EQ(schema["else"]["$ref"], "#/$defs/complete");
  EXPECT_FALSE(schema.contains("required")) << "a file with extends need not repeat its parent's keys";
  check_overlay(schema["$defs"]["complete"], "", places);
}

// The names a schema pattern can judge (ASCII, and the whole-name rules) are judged as the
// loader's identifier rule does; letters and digits of other scripts only the loader checks.
TEST(Schema, NamePatternsFollowTheIdentifierRule) {
  const json schema = load_schema();
  const std::regex scenario_name(schema["properties"]["name"]["pattern"].get<std::string>());
  const std::regex service_name(
      schema["$defs"]["service"]["properties"]["name"]["pattern"]
          .get<std::string>());
  std::vector<std::string> names = {"", ".", "..", "...", " a", "a ", "a", "a.b", "baseline-2018", "x/y"};
  for (int c = 0; c < 128; ++c)
    names.push_back(std::string("a") + static_cast<char>(c) + "b");
  for (const auto& name : names) {
    const bool valid = rongou::is_valid_identifier(name);
    EXPECT_EQ(std::regex_search(name, service_name), valid) << "service name '" << name << "'";
    EXPECT_EQ(std::regex_search(name, scenario_name), valid && name.find('/') == std::string::npos)
        << "scenario name '" << name << "'";
  }
  const auto limit = rongou::kMaxIdentifierCharacters;
  EXPECT_EQ(schema["properties"]["name"]["maxLength"], limit);
  EXPECT_EQ(schema["$defs"]["service"]["properties"]["name"]["maxLength"], limit);
}

TEST(Schema, EveryPropertyHasADescription) {
  const json schema = load_schema();
  std::function<void(const json&, const std::string&)> check = [&](const json& node, const std::string& where) {
    if (node.contains("properties"))
      for (const auto& [k, v] : node["properties"].items()) {
        if (k != "dist" && !v.contains("$ref") && where.find("distribution") == std::string::npos) {
          EXPECT_TRUE(v.contains("description")) << where << "." << k;
        }
        check(v, where + "." + k);
      }
    if (node.contains("items"))
      check(node["items"], where + ".*");
  };
  check(schema, "");
  for (const auto& [name, def] : schema["$defs"].items())
    if (name != "complete") // required keys laid over places described in the main schema
      check(def, "$defs." + name);
}

} // namespace
