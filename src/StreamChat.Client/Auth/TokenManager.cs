using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using StreamChat.Diagnostics;
using StreamChat.Http;
using StreamChat.Internal;
using StreamChat.Logging;

namespace StreamChat.Auth;

/// <summary>
/// The one token of a session, shared by REST and the WebSocket. At most one provider call runs at a time and every
/// caller that needs a token meanwhile awaits that same call (docs/client.md, "Token lifecycle").
/// </summary>
internal sealed partial class TokenManager : IDisposable
{
    private readonly object _gate = new();
    private readonly Func<CancellationToken, Task<Token>> _fetch;
    private readonly TokenRefreshPolicy _policy;
    private readonly ServerClock _clock;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _lifetime = new();
    private Token? _current;
    private TaskCompletionSource<Token>? _refresh;
    private ChatDisconnectedException? _closed;
    private string? _userId;
    private FailedRefresh? _lastFailure;
    private string _refreshReason = TokenTelemetry.Initial;

    public TokenManager(Func<CancellationToken, Task<Token>> fetch, TokenRefreshPolicy policy, ServerClock clock, ILogger logger)
    {
        _fetch = fetch;
        _policy = policy;
        _clock = clock;
        _logger = logger;
        if (policy.Proactive)
        {
            _clock.OffsetChanged += OnServerClockChanged;
        }
    }

    /// <summary>Whether a token rejected with code 40 can be replaced by asking the provider again.</summary>
    public bool CanRefresh => _policy.CanRefresh;

    /// <summary>The token in use, or <see langword="null"/> before the first fetch.</summary>
    public Token? Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    /// <summary>The token to send: the current one, or the result of the refresh in flight (or a new one when there is none yet).</summary>
    public Task<Token> GetTokenAsync(CancellationToken cancellationToken) => AcquireAsync(rejected: null, cancellationToken);

    /// <summary>
    /// A replacement for <paramref name="rejected"/>, which the server answered with code 40. Concurrent callers share
    /// one provider call; a caller whose token was already replaced gets the replacement at once.
    /// </summary>
    public Task<Token> RefreshAsync(Token rejected, CancellationToken cancellationToken) => AcquireAsync(rejected, cancellationToken);

    /// <summary>
    /// Ends the session: the refresh in flight is cancelled, its waiters fail with <see cref="ChatDisconnectedException"/>
    /// and the provider is never called again.
    /// </summary>
    public void Close(DisconnectReason reason)
    {
        TaskCompletionSource<Token>? refresh;
        ChatDisconnectedException closed;
        lock (_gate)
        {
            if (_closed is not null)
            {
                return;
            }

            closed = _closed = new ChatDisconnectedException(reason);
            refresh = _refresh;
            _refresh = null;
            DisposeProactiveTimerLocked();
        }

        _clock.OffsetChanged -= OnServerClockChanged;
        _lifetime.Cancel();
        refresh?.TrySetException(closed);
    }

    /// <summary>Same as <see cref="Close"/> with <see cref="DisconnectReason.Disposed"/> (a no-op once closed).</summary>
    public void Dispose() => Close(DisconnectReason.Disposed);

    private Task<Token> AcquireAsync(Token? rejected, CancellationToken cancellationToken)
    {
        TaskCompletionSource<Token>? started = null;
        Task<Token> task;
        string reason;
        lock (_gate)
        {
            if (_closed is not null)
            {
                return Task.FromException<Token>(_closed);
            }

            if (_refresh is null)
            {
                if (_current is not null && (rejected is null || !_current.Equals(rejected)))
                {
                    return Task.FromResult(_current);
                }

                // Requests of the same burst that were rejected just after a refresh gave up share its error instead of
                // starting another round of provider calls; after the cool-down, a new rejection tries again.
                if (rejected is not null && _lastFailure is { } failure && failure.Rejected.Equals(rejected)
                    && _policy.TimeProvider.GetElapsedTime(failure.Timestamp) < _policy.RetryBaseDelay)
                {
                    return Task.FromException<Token>(failure.Error);
                }

                started = _refresh = new TaskCompletionSource<Token>(TaskCreationOptions.RunContinuationsAsynchronously);
                _refreshReason = rejected is null ? TokenTelemetry.Initial : TokenTelemetry.Expired;
            }

            task = _refresh.Task;
            reason = _refreshReason;
        }

        if (started is not null)
        {
            _ = RunRefreshAsync(started, rejected);
        }

        return TokenTelemetry.TrackWait(Timing.WaitAsync(task, cancellationToken), _policy.Kind, reason, _policy.TimeProvider);
    }

    private async Task RunRefreshAsync(TaskCompletionSource<Token> refresh, Token? rejected)
    {
        using var span = TokenTelemetry.StartRefresh(_policy.Kind, _refreshReason);
        try
        {
            Log.RefreshStarted(_logger, _policy.Kind, rejected);
            var token = await FetchWithRetriesAsync(rejected).ConfigureAwait(false);
            lock (_gate)
            {
                if (_closed is not null)
                {
                    refresh.TrySetException(_closed);
                    return;
                }

                _current = token;
                if (ReferenceEquals(_refresh, refresh))
                {
                    _refresh = null;
                }
            }

            Log.Refreshed(_logger, token);
            refresh.TrySetResult(token);
            ScheduleProactiveRefresh(token);
        }
        catch (Exception exception) when (!ClientTelemetry.Fail(span, exception))
        {
            ChatDisconnectedException? closed;
            lock (_gate)
            {
                closed = _closed;
                if (ReferenceEquals(_refresh, refresh))
                {
                    _refresh = null;
                }

                if (rejected is not null && exception is TokenProviderException)
                {
                    _lastFailure = new FailedRefresh(rejected, exception, _policy.TimeProvider.GetTimestamp());
                }
            }

            refresh.TrySetException(closed ?? exception);
        }
    }

    private async Task<Token> FetchWithRetriesAsync(Token? rejected)
    {
        var lifetime = _lifetime.Token;
        var failure = TokenProviderFailure.Failed;
        Exception? cause = null;
        var attempt = 0;
        while (++attempt <= _policy.MaxProviderAttempts)
        {
            if (attempt > 1)
            {
                var delay = Backoff.Delay(attempt - 1, _policy.RetryBaseDelay, _policy.RetryMaxDelay);
                await Timing.Delay(_policy.TimeProvider, delay, lifetime).ConfigureAwait(false);
            }

            lifetime.ThrowIfCancellationRequested();
            using var timeout = Timing.CreateTimeoutSource(_policy.TimeProvider, _policy.ProviderTimeout);
            using var linked = timeout is null ? null : CancellationTokenSource.CreateLinkedTokenSource(lifetime, timeout.Token);
            var callToken = linked?.Token ?? lifetime;
            var call = TokenTelemetry.StartProviderCall(_policy.Kind, attempt, _policy.TimeProvider);
            try
            {
                // WaitAsync: the timeout holds even for a provider that ignores its cancellation token.
                var token = await Timing.WaitAsync(_fetch(callToken), callToken).ConfigureAwait(false);
                if (rejected is not null && token.Equals(rejected))
                {
                    Log.SameTokenReturned(_logger, attempt);
                    failure = TokenProviderFailure.SameTokenReturned;
                    cause = null;
                    call?.Failed(failure, cause);
                    continue;
                }

                if (Validate(token) is { } invalid)
                {
                    failure = TokenProviderFailure.InvalidToken;
                    cause = invalid;
                    call?.Failed(failure, cause);
                    Log.ProviderAttemptFailed(_logger, attempt, _policy.MaxProviderAttempts, invalid);
                    continue;
                }

                call?.Succeeded();
                return token;
            }
            catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
            {
                call?.Cancelled();
                throw;
            }
            catch (OperationCanceledException exception) when (timeout?.IsCancellationRequested == true)
            {
                failure = TokenProviderFailure.TimedOut;
                cause = new TimeoutException($"The token provider did not answer within {_policy.ProviderTimeout}.", exception);
                call?.Failed(failure, cause);
                Log.ProviderAttemptFailed(_logger, attempt, _policy.MaxProviderAttempts, cause);
            }
            catch (Exception exception)
            {
                failure = TokenProviderFailure.Failed;
                cause = exception;
                call?.Failed(failure, cause);
                Log.ProviderAttemptFailed(_logger, attempt, _policy.MaxProviderAttempts, exception);

                // A backend that answered 401, 403 or garbage answers the same again: asking more only delays the error.
                if (exception is TokenEndpointException { IsTransient: false })
                {
                    break;
                }
            }
        }

        throw new TokenProviderException(_policy.Kind, failure, Math.Min(attempt, _policy.MaxProviderAttempts), cause);
    }

    /// <summary>Checks a fetched token can serve this session; the first token fixes the session's user.</summary>
    private InvalidOperationException? Validate(Token token)
    {
        if (_policy.Kind == TokenProviderKind.Anonymous)
        {
            return null;
        }

        if (token.IsAnonymous || token.UserId is null)
        {
            return new InvalidOperationException("The token has no 'user_id' claim; issue user tokens with the id of the user, or use TokenProvider.Anonymous.");
        }

        lock (_gate)
        {
            _userId ??= token.UserId;
            return string.Equals(_userId, token.UserId, StringComparison.Ordinal)
                ? null
                : new InvalidOperationException($"The token is for user '{token.UserId}' but this session is user '{_userId}'; use ChatClient.SwitchUserAsync to change user.");
        }
    }

    private sealed record FailedRefresh(Token Rejected, Exception Error, long Timestamp);
}
