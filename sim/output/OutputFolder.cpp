#include "output/OutputFolder.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/Interruption.hpp"
#include "output/TextFile.hpp"
#include "scenario/Diagnostics.hpp"

namespace rongou {

namespace fs = std::filesystem;

namespace {

bool written_by_rongou(const fs::path& file) {
  std::error_code ec;
  if (!fs::is_regular_file(fs::symlink_status(file, ec)))
    return false;
  std::ifstream in(file);
  const auto json = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  return json.is_object() && json.contains("program") && json["program"] == "rongou";
}

std::string what_it_is(fs::file_type type) {
  switch (type) {
  case fs::file_type::regular: return "a file";
  case fs::file_type::fifo: return "a FIFO";
  case fs::file_type::symlink: return "a symbolic link";
  case fs::file_type::socket: return "a socket";
  case fs::file_type::block:
  case fs::file_type::character: return "a device";
  default: return "not a folder";
  }
}

// The folder itself stays; what is in it says whose it is.
void check_replaceable(const fs::path& target, const OutputClaim& how) {
  std::error_code ec;
  const auto status = fs::symlink_status(target, ec);
  if (status.type() == fs::file_type::not_found)
    return;
  if (ec)
    throw InputError(fmt::format("{} {}: cannot inspect it: {}", how.option, target.string(), ec.message()));
  if (status.type() != fs::file_type::directory)
    throw InputError(fmt::format("{} {}: is {}, not a results folder; rongou never replaces it (not even with "
                                 "--force): choose another {}",
                                 how.option, target.string(), what_it_is(status.type()), how.option));
  if (is_rongou_folder(target))
    return;
  fs::directory_iterator entries(target, ec);
  if (ec)
    throw InputError(fmt::format("{} {}: cannot list it: {}", how.option, target.string(), ec.message()));
  if (entries == fs::directory_iterator() || how.force)
    return;
  throw InputError(fmt::format("{} {}: holds files rongou did not write (such as {}); choose another {}, or add "
                               "--force to replace the folder and everything in it",
                               how.option, target.string(), entries->path().filename().string(), how.option));
}

void check_position(const fs::path& target, const OutputClaim& how) {
  for (fs::path p = target.parent_path(); !p.empty(); p = p.parent_path()) {
    if (is_rongou_folder(p))
      throw InputError(fmt::format("{} {}: is inside the rongou folder {}, which a run would replace whole; choose "
                                   "a folder outside it",
                                   how.option, target.string(), p.string()));
    if (p == p.root_path())
      break;
  }
  std::error_code ec;
  const fs::path real = fs::weakly_canonical(target, ec);
  const fs::path here = fs::current_path(ec);
  if (!real.empty() && !here.empty()) {
    const std::string r = real.string() + "/", h = here.string() + "/";
    if (h.starts_with(r))
      throw InputError(fmt::format("{} {}: holds the working folder {}; choose another {}", how.option,
                                   target.string(), here.string(), how.option));
  }
}

// Removes the staging folders of killed runs on this target: only folders named
// <target>.tmp-* that hold the staging marker.
void remove_stale_staging(const fs::path& target) {
  const std::string prefix = target.filename().string() + ".tmp-";
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(target.parent_path(), ec)) {
    const std::string name = entry.path().filename().string();
    if (!name.starts_with(prefix) || !fs::is_directory(fs::symlink_status(entry.path(), ec)))
      continue;
    if (fs::is_regular_file(fs::symlink_status(entry.path() / kStagingMarker, ec)))
      fs::remove_all(entry.path(), ec);
  }
}

} // namespace

bool is_rongou_folder(const fs::path& dir) {
  return written_by_rongou(dir / "provenance.json") || written_by_rongou(dir / "sweep.json") ||
         written_by_rongou(dir / "rank.json") || written_by_rongou(dir / "sensitivity.json");
}

OutputFolder OutputFolder::claim(const fs::path& requested, const OutputClaim& how) {
  fs::path target = fs::absolute(requested).lexically_normal();
  if (!target.has_filename())
    target = target.parent_path();
  const std::string name = target.filename().string();
  if (target == target.root_path() || name.empty() || name == "." || name == "..")
    throw InputError(fmt::format("{} {}: not a folder rongou can replace; choose another {}", how.option,
                                 requested.string(), how.option));
  check_position(target, how);

  std::error_code ec;
  const fs::path parent = target.parent_path();
  fs::create_directories(parent, ec);
  if (ec)
    throw InputError(fmt::format("{} {}: cannot create the folder {}: {}", how.option, target.string(),
                                 parent.string(), ec.message()));

  OutputFolder folder;
  folder.target_ = target;
  folder.lock_file_ = parent / ("." + name + ".rongou-lock");
  for (;;) {
    const int fd = ::open(folder.lock_file_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0)
      throw InputError(fmt::format("{} {}: cannot create the lock file {}: {}", how.option, target.string(),
                                   folder.lock_file_.string(), std::strerror(errno)));
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
      const int error = errno;
      ::close(fd);
      if (error == EWOULDBLOCK)
        throw InputError(fmt::format("{} {}: another rongou run is writing there (it holds {}); wait for it to "
                                     "finish or choose another {}",
                                     how.option, target.string(), folder.lock_file_.string(), how.option));
      throw InputError(fmt::format("{} {}: cannot lock {}: {}", how.option, target.string(),
                                   folder.lock_file_.string(), std::strerror(error)));
    }
    // The holder before us removes the file as it lets go: locked, it must still be the
    // file at that path, or a third run could lock a new one at the same time.
    struct stat held {}, named {};
    if (::fstat(fd, &held) == 0 && ::lstat(folder.lock_file_.c_str(), &named) == 0 && held.st_dev == named.st_dev &&
        held.st_ino == named.st_ino) {
      folder.lock_fd_ = fd;
      break;
    }
    ::close(fd);
  }
  interruption::add_temporary_file(folder.lock_file_);

  check_replaceable(target, how);
  remove_stale_staging(target);

  for (int attempt = 0;; ++attempt) {
    folder.staging_ = parent / fmt::format("{}.tmp-{}{}", name, ::getpid(), attempt == 0 ? "" : fmt::format("-{}", attempt));
    if (fs::create_directory(folder.staging_, ec))
      break;
    if (ec)
      throw InputError(fmt::format("{} {}: cannot write in {}: {}", how.option, target.string(), parent.string(),
                                   ec.message()));
  }
  interruption::add_temporary(folder.staging_);
  try {
    write_text_file(folder.staging_ / kStagingMarker, "a rongou run writes here; removed when the run ends\n");
  } catch (const std::exception& e) {
    throw InputError(fmt::format("{} {}: {}", how.option, target.string(), e.what()));
  }
  return folder;
}

OutputFolder::OutputFolder(OutputFolder&& other) noexcept
    : target_(std::move(other.target_)), staging_(std::move(other.staging_)), lock_file_(std::move(other.lock_file_)),
      lock_fd_(other.lock_fd_), committed_(other.committed_) {
  other.lock_fd_ = -1;
  other.committed_ = true;
}

OutputFolder::~OutputFolder() { release(); }

void OutputFolder::release() noexcept {
  std::error_code ignored;
  if (!committed_ && !staging_.empty()) {
    fs::remove_all(staging_, ignored);
    interruption::remove_temporary(staging_);
  }
  if (lock_fd_ >= 0) {
    fs::remove(lock_file_, ignored); // while still held: see the check in claim
    interruption::remove_temporary_file(lock_file_);
    ::close(lock_fd_);
    lock_fd_ = -1;
  }
}

void OutputFolder::commit() {
  {
    const auto no_interruption = interruption::hold();
    std::error_code ec;
    fs::remove(staging_ / kStagingMarker, ec);
    const bool replacing = fs::exists(fs::symlink_status(target_, ec));
    if (!replacing) {
      if (::rename(staging_.c_str(), target_.c_str()) != 0)
        throw std::runtime_error(fmt::format("cannot rename {} to {}: {}", staging_.string(), target_.string(),
                                             std::strerror(errno)));
    } else if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, target_.c_str(), RENAME_EXCHANGE) == 0) {
      fs::remove_all(staging_, ec); // the old results, now at the staging path
    } else {
      // No atomic exchange on this file system: the old folder is moved aside first.
      const fs::path aside = target_.string() + fmt::format(".old-{}", ::getpid());
      if (::rename(target_.c_str(), aside.c_str()) != 0 || ::rename(staging_.c_str(), target_.c_str()) != 0)
        throw std::runtime_error(fmt::format("cannot replace {} by {}: {}", target_.string(), staging_.string(),
                                             std::strerror(errno)));
      fs::remove_all(aside, ec);
    }
    committed_ = true;
  }
  interruption::remove_temporary(staging_);
  release();
}

void replace_directory(const fs::path& staged, const fs::path& target) {
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(target, ec))) {
    fs::rename(staged, target);
    return;
  }
  if (::renameat2(AT_FDCWD, staged.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) == 0) {
    fs::remove_all(staged);
    return;
  }
  const fs::path aside = target.string() + fmt::format(".old-{}", ::getpid());
  fs::rename(target, aside);
  fs::rename(staged, target);
  fs::remove_all(aside);
}

} // namespace rongou
