// scenarios/schema.json (for editors) and the loader (ScenarioKeys, used by every
// check_keys call) must accept the same keys in the same places. When a section is added
// to one and not the other, this fails and names the place.
#include <filesystem>
#include <fstream>
#include <functional>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <set>

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
      if (name == "distribution") {
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

TEST(Schema, DistributionsMatchTheLoader) {
  const json schema = load_schema();
  std::map<std::string, std::set<std::string>> in_schema;
  for (const auto& option : schema["$defs"]["distribution"]["oneOf"]) {
    if (!option.contains("properties"))
      continue; // the bare-number form
    std::set<std::string> params;
    for (const auto& [k, _] : option["properties"].items())
      if (k != "dist")
        params.insert(k);
    in_schema[option["properties"]["dist"]["const"].get<std::string>()] = params;
  }
  std::map<std::string, std::set<std::string>> in_loader;
  for (const auto& [name, params] : rongou::distribution_parameters())
    in_loader[name] = std::set<std::string>(params.begin(), params.end());
  EXPECT_EQ(in_schema, in_loader);
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
    check(def, "$defs." + name);
}

} // namespace
