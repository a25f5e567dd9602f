// SPDX-License-Identifier: GPL-3.0-or-later
// Archive extraction: whatever an archive holds (traversal, links, devices, setuid bits, bombs),
// nothing appears outside the target directory, the archive itself is untouched, and what lands
// inside has no setuid bit and no device node; the archive check agrees with extraction. Checked
// after every input.
#include "FuzzCheck.h"
#include "images/ArchiveExtractor.h"

#include <QByteArray>

#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <set>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace {

// The fuzz sandbox: <base>/input.tar is the archive, <base>/t/root the target; <base> and
// <base>/t must hold exactly those after every extraction.
struct Sandbox
{
    std::string base;
    std::string input;
    std::string parent;
    std::string target;
};

std::set<std::string> listing(const std::string &dir)
{
    std::set<std::string> names;
    DIR *d = opendir(dir.c_str());
    FUZZ_CHECK(d != nullptr, "the sandbox directory is still there");
    while (const dirent *e = readdir(d)) {
        const std::string name = e->d_name;
        if (name != "." && name != "..")
            names.insert(name);
    }
    closedir(d);
    return names;
}

// Removes what an extraction left, directories without permissions included.
void removeTree(const std::string &path)
{
    struct stat st;
    if (lstat(path.c_str(), &st) != 0)
        return;
    if (S_ISDIR(st.st_mode)) {
        chmod(path.c_str(), 0700);
        for (const std::string &name : listing(path))
            removeTree(path + '/' + name);
        rmdir(path.c_str());
    } else {
        unlink(path.c_str());
    }
}

// Every file below @p dir: no setuid/setgid file, no device node.
void checkContents(const std::string &dir)
{
    for (const std::string &name : listing(dir)) {
        const std::string path = dir + '/' + name;
        struct stat st;
        FUZZ_CHECK(lstat(path.c_str(), &st) == 0, "listed entries exist");
        FUZZ_CHECK(!S_ISCHR(st.st_mode) && !S_ISBLK(st.st_mode), "no device node is created");
        if (S_ISREG(st.st_mode))
            FUZZ_CHECK((st.st_mode & (S_ISUID | S_ISGID)) == 0, "no file keeps a setuid or setgid bit");
        if (S_ISDIR(st.st_mode)) {
            chmod(path.c_str(), (st.st_mode & 07777) | 0700);
            checkContents(path);
        }
    }
}

const Sandbox &sandbox()
{
    static const Sandbox box = [] {
        // tmpfs when there is one: thousands of extractions a second on a disk would measure the disk.
        const char *tmp = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : (std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp");
        std::string pattern = std::string(tmp) + "/scorpiox-fuzz-archive-XXXXXX";
        FUZZ_CHECK(mkdtemp(pattern.data()) != nullptr, "a sandbox directory can be made");
        Sandbox s{pattern, pattern + "/input.tar", pattern + "/t", pattern + "/t/root"};
        FUZZ_CHECK(mkdir(s.parent.c_str(), 0700) == 0, "the sandbox parent can be made");
        std::atexit([] { removeTree(sandbox().base); });
        return s;
    }();
    return box;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const Sandbox &box = sandbox();
    removeTree(box.target);
    FUZZ_CHECK(mkdir(box.target.c_str(), 0755) == 0, "the target can be made");
    {
        FILE *f = std::fopen(box.input.c_str(), "wb");
        FUZZ_CHECK(f != nullptr, "the archive can be written");
        FUZZ_CHECK(std::fwrite(data, 1, size, f) == size, "the archive is written whole");
        std::fclose(f);
        chmod(box.input.c_str(), 0400);
    }

    ExtractLimits limits;
    limits.maxBytes = 8 << 20;
    limits.maxEntries = 20000;
    // The check (the ArchiveOnly layout's, Windows's) reads through the same entry loop: it
    // writes nothing, refuses nothing extraction accepts, and counts what extraction writes.
    const Result<ExtractReport> checked = ArchiveExtractor(limits).checkFile(QString::fromStdString(box.input));
    FUZZ_CHECK(listing(box.target).empty(), "the check writes nothing");
    const Result<ExtractReport> report = ArchiveExtractor(limits).extractFile(QString::fromStdString(box.input),
                                                                              QString::fromStdString(box.target));
    if (!report) {
        FUZZ_CHECK(!report.error().message.isEmpty(), "a refused archive says why");
    } else {
        FUZZ_CHECK(report->bytes <= limits.maxBytes && report->entries <= limits.maxEntries, "the limits hold");
        FUZZ_CHECK(checked && checked->entries == report->entries && checked->bytes == report->bytes
                       && checked->devicesSkipped == report->devicesSkipped,
                   "the check accepts what extraction accepts and counts the same");
    }

    FUZZ_CHECK(listing(box.base) == (std::set<std::string>{"input.tar", "t"}), "nothing appears beside the target");
    FUZZ_CHECK(listing(box.parent) == std::set<std::string>{"root"}, "nothing appears beside the target");
    struct stat st;
    FUZZ_CHECK(lstat(box.target.c_str(), &st) == 0 && S_ISDIR(st.st_mode), "the target stays a directory");
    FUZZ_CHECK(lstat(box.input.c_str(), &st) == 0 && S_ISREG(st.st_mode) && st.st_size == off_t(size),
               "the archive itself is untouched");
    {
        QByteArray again(qsizetype(size), Qt::Uninitialized);
        const int fd = open(box.input.c_str(), O_RDONLY | O_CLOEXEC);
        FUZZ_CHECK(fd >= 0 && read(fd, again.data(), size) == ssize_t(size), "the archive can be read back");
        close(fd);
        FUZZ_CHECK(size == 0 || std::memcmp(again.constData(), data, size) == 0, "the archive itself is untouched");
    }
    checkContents(box.target);
    unlink(box.input.c_str());
    return 0;
}
