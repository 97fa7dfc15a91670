// SPDX-License-Identifier: MIT
// The one way values cross between the GUI thread and a lab's worker thread (commands one way, snapshots
// the other): lab::post runs a function on the target object's thread, lab::relay forwards a signal to a
// slot or signal on the receiver's thread through post.
//
// Why not Qt's queued connections directly: the hand-over itself is the same (QMetaObject::invokeMethod,
// Qt::QueuedConnection), but Qt orders it with its event-queue mutex inside libQt6Core, which is not built
// with ThreadSanitizer, so TSan would see the function, its captures and the signal's arguments written by
// one thread and read by another with nothing between (every snapshot a "race"). Here the posting thread
// holds handOverMutex() (a std::recursive_mutex, which TSan sees) while Qt copies and queues, and the
// receiving thread takes it before it touches the function or its captures and before it destroys them,
// so the order Qt guarantees is also visible. The arguments travel as captures of a function with no
// parameters: Qt's templates read no argument of it before the function runs. Uncontended, the lock costs
// well under a microsecond; a lab posts at most a few hundred times a second.
#pragma once
#include <QMetaObject>
#include <QObject>

#include <functional>
#include <mutex>
#include <optional>
#include <tuple>
#include <type_traits>
#include <utility>

namespace lab {

std::recursive_mutex& handOverMutex();

namespace detail {
// A function on its way to another thread: called and destroyed there under handOverMutex(). Moved only
// on the posting thread, inside post(), while that thread holds the mutex.
template <typename F>
class Parcel {
  public:
    explicit Parcel(F f) : m_f(std::move(f)) {}
    Parcel(Parcel&& o) noexcept(std::is_nothrow_move_constructible_v<F>) : m_f(std::move(o.m_f))
    {
        o.m_f.reset();
    }
    Parcel(const Parcel&) = delete;
    Parcel& operator=(const Parcel&) = delete;
    Parcel& operator=(Parcel&&) = delete;
    ~Parcel()
    {
        std::lock_guard lock(handOverMutex()); // also when Qt drops the call because its target is gone
        m_f.reset();
    }
    void operator()()
    {
        std::optional<F> f;
        {
            std::lock_guard lock(handOverMutex());
            if (m_f) f.emplace(std::move(*m_f));
            m_f.reset();
        }
        if (f) (*f)();
        std::lock_guard lock(handOverMutex());
        f.reset();
    }

  private:
    std::optional<F> m_f;
};
} // namespace detail

// Runs f() later on target's thread (queued even when that is the calling thread). Dropped, and destroyed,
// if target is deleted first.
template <typename F>
void post(QObject* target, F&& f)
{
    std::lock_guard lock(handOverMutex());
    QMetaObject::invokeMethod(target, detail::Parcel<std::decay_t<F>>(std::forward<F>(f)), Qt::QueuedConnection);
}

// Forwards sender's signal to receiver's slot (a member function, or another signal) or to a callable,
// on receiver's thread, with the signal's arguments copied. The connection goes when either object does.
template <typename Sender, typename... Args, typename Receiver, typename Slot>
QMetaObject::Connection relay(Sender* sender, void (Sender::*signal)(Args...), Receiver* receiver, Slot slot)
{
    return QObject::connect(
        sender, signal, receiver,
        [receiver, slot](Args... a) {
            post(receiver, [receiver, slot, args = std::make_tuple(std::decay_t<Args>(a)...)]() {
                std::apply(
                    [&](const auto&... v) {
                        if constexpr (std::is_member_function_pointer_v<Slot>)
                            (receiver->*slot)(v...);
                        else
                            (void)receiver, slot(v...);
                    },
                    args);
            });
        },
        Qt::DirectConnection);
}

} // namespace lab
