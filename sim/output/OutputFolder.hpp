#pragma once
// The folder a command writes its results to (`--out`), claimed before anything runs and
// replaced as one step at the end:
//   claim   the target may only be missing, an empty folder or a folder rongou wrote (its
//           provenance.json or sweep.json says "program": "rongou"); a folder of anything
//           else only with --force; never a file, a FIFO, a symbolic link, a folder holding
//           the working directory, or a folder inside another rongou folder;
//   lock    one writer per target: a lock file beside it (flock), a second run is refused;
//   stage   everything is written into a temporary folder beside the target;
//   commit  the staged folder takes the target's place (an atomic exchange where the file
//           system has one), the old one is removed;
//   clean   an uncommitted folder is removed when the OutputFolder goes (and by the
//           interruption handler on SIGINT/SIGTERM); temporary folders a killed run left are
//           removed by the next run on the same target.
// Errors in claim are InputError (exit 2) naming the path and what to do.
#include <filesystem>
#include <string>

namespace rongou {

struct OutputClaim {
  std::string option = "--out"; // how the user named the target, for messages
  bool force = false;           // --force: a folder of someone else's may be replaced
};

class OutputFolder {
public:
  static OutputFolder claim(const std::filesystem::path& target, const OutputClaim& how = {});
  OutputFolder(OutputFolder&& other) noexcept;
  OutputFolder& operator=(OutputFolder&&) = delete;
  OutputFolder(const OutputFolder&) = delete;
  ~OutputFolder();

  const std::filesystem::path& target() const { return target_; }
  const std::filesystem::path& staging() const { return staging_; }
  // The staged folder replaces the target; the lock is released.
  void commit();

private:
  OutputFolder() = default;
  void release() noexcept;
  std::filesystem::path target_, staging_, lock_file_;
  int lock_fd_ = -1;
  bool committed_ = false;
};

// True when `dir` is a folder rongou wrote: provenance.json or sweep.json (regular files, not
// links) whose "program" is "rongou".
bool is_rongou_folder(const std::filesystem::path& dir);

// Replaces `target` by the folder `staged` (on the same file system) as one step for readers
// (used for the report/ folder inside a results folder).
void replace_directory(const std::filesystem::path& staged, const std::filesystem::path& target);

// The marker every staging folder holds, so the next run removes only what rongou staged.
inline constexpr const char* kStagingMarker = ".rongou-staging";

} // namespace rongou
