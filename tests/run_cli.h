// SPDX-License-Identifier: MIT
// Runs a command-line program (dlcli) from a widget test and collects its exit code and output.
// posix_spawn, not QProcess: QProcess starts its child with clone() (Qt's forkfd), and clang 14's
// ThreadSanitizer runtime aborts in that child of a multi-threaded process ("CHECK failed: tsan_rtl.cpp:234"),
// which would end the worker-thread tests in the TSan build; glibc's posix_spawn runs the child without
// going through the intercepted clone.
#pragma once
#include <QByteArray>
#include <QElapsedTimer>
#include <QString>
#include <QStringList>

#include <csignal>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>
#include <vector>

extern char** environ;

namespace dltest {

struct CliResult {
    bool finished = false; // false: it could not start, or was killed at the timeout
    int exitCode = -1;
    QByteArray out, err;
};

inline CliResult runCli(const QString& program, const QStringList& args, int timeoutMs = 30000)
{
    CliResult r;
    int outPipe[2], errPipe[2];
    if (pipe(outPipe) != 0) return r;
    if (pipe(errPipe) != 0) {
        close(outPipe[0]), close(outPipe[1]);
        return r;
    }
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, outPipe[1], 1);
    posix_spawn_file_actions_adddup2(&fa, errPipe[1], 2);
    posix_spawn_file_actions_addclose(&fa, outPipe[0]);
    posix_spawn_file_actions_addclose(&fa, errPipe[0]);
    std::vector<std::string> words{program.toStdString()};
    for (const QString& a : args) words.push_back(a.toStdString());
    std::vector<char*> argv;
    for (std::string& w : words) argv.push_back(w.data());
    argv.push_back(nullptr);
    pid_t pid = -1;
    const int spawned = posix_spawn(&pid, argv[0], &fa, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    close(outPipe[1]), close(errPipe[1]);
    if (spawned != 0) {
        close(outPipe[0]), close(errPipe[0]);
        return r;
    }
    QElapsedTimer clock;
    clock.start();
    pollfd fds[2] = {{outPipe[0], POLLIN, 0}, {errPipe[0], POLLIN, 0}};
    int open = 2;
    while (open > 0 && clock.elapsed() < timeoutMs) {
        if (poll(fds, 2, 100) <= 0) continue;
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
            char buf[4096];
            const ssize_t n = read(fds[i].fd, buf, sizeof buf);
            if (n > 0) {
                (i == 0 ? r.out : r.err).append(buf, int(n));
            } else {
                close(fds[i].fd);
                fds[i].fd = -1;
                --open;
            }
        }
    }
    for (const pollfd& f : fds)
        if (f.fd >= 0) close(f.fd);
    if (open > 0) kill(pid, SIGKILL); // timed out
    int status = 0;
    waitpid(pid, &status, 0);
    r.finished = open == 0 && WIFEXITED(status);
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

} // namespace dltest
