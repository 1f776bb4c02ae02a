using System;
using System.Threading;
using System.Threading.Tasks;
using StreamChat.Logging;

namespace StreamChat.Auth;

/// <summary>Proactive refresh (docs/client.md, "Token lifecycle"): fetch the next token shortly before <c>exp</c>, judged by the server's clock.</summary>
internal sealed partial class TokenManager
{
    // TimeProvider timers take at most ~49 days; longer waits are re-planned when the timer fires.
    private static readonly TimeSpan MaxTimerDelay = TimeSpan.FromDays(30);

    private ITimer? _proactiveTimer;

    // The exp of the last token replaced proactively: a replacement that does not outlive it is not refreshed
    // proactively again (a provider handing back the same or an equally short-lived token would otherwise loop).
    private DateTimeOffset? _proactivelyReplacedExp;

    private void OnServerClockChanged()
    {
        if (Current is { } token)
        {
            ScheduleProactiveRefresh(token);
        }
    }

    private void ScheduleProactiveRefresh(Token token)
    {
        if (!_policy.Proactive || token.ExpiresAt is not { } expiresAt)
        {
            return;
        }

        // Never the device clock alone: until a response has told us the server's time, wait for it (OffsetChanged).
        if (!_clock.TryGetServerNow(out var serverNow))
        {
            return;
        }

        var delay = RefreshAt(token, expiresAt) - serverNow;
        delay = delay < TimeSpan.Zero ? TimeSpan.Zero : delay > MaxTimerDelay ? MaxTimerDelay : delay;
        lock (_gate)
        {
            if (_closed is not null || !token.Equals(_current) || expiresAt <= _proactivelyReplacedExp)
            {
                return;
            }

            DisposeProactiveTimerLocked();
            _proactiveTimer = _policy.TimeProvider.CreateTimer(static state => ((ProactiveState)state!).Fire(), new ProactiveState(this, token), delay, Timeout.InfiniteTimeSpan);
        }

        Log.ProactiveRefreshScheduled(_logger, delay);
    }

    /// <summary>When to refresh: the margin before <c>exp</c>, but never earlier than half the token's life.</summary>
    private DateTimeOffset RefreshAt(Token token, DateTimeOffset expiresAt)
    {
        var margin = _policy.ProactiveMargin;
        if (token.IssuedAt is { } issuedAt && expiresAt > issuedAt)
        {
            var half = TimeSpan.FromTicks((expiresAt - issuedAt).Ticks / 2);
            margin = margin < half ? margin : half;
        }

        return expiresAt - margin;
    }

    private void OnProactiveTimer(Token token)
    {
        if (_clock.TryGetServerNow(out var serverNow) && token.ExpiresAt is { } expiresAt && serverNow < RefreshAt(token, expiresAt) - TimeSpan.FromSeconds(1))
        {
            ScheduleProactiveRefresh(token); // the clock moved, or the wait was longer than one timer allows
            return;
        }

        TaskCompletionSource<Token> refresh;
        lock (_gate)
        {
            if (_closed is not null || _refresh is not null || !token.Equals(_current))
            {
                return;
            }

            _proactivelyReplacedExp = token.ExpiresAt;
            refresh = _refresh = new TaskCompletionSource<Token>(TaskCreationOptions.RunContinuationsAsynchronously);
            _refreshReason = Diagnostics.TokenTelemetry.Proactive;
        }

        _ = RunRefreshAsync(refresh, rejected: null);
        _ = refresh.Task.ContinueWith(
            static (task, state) => Log.ProactiveRefreshFailed((Microsoft.Extensions.Logging.ILogger)state!, task.Exception!.GetBaseException()),
            _logger,
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void DisposeProactiveTimerLocked()
    {
        _proactiveTimer?.Dispose();
        _proactiveTimer = null;
    }

    private sealed class ProactiveState(TokenManager owner, Token token)
    {
        public void Fire() => owner.OnProactiveTimer(token);
    }
}
