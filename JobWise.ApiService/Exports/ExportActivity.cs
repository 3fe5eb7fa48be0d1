namespace JobWise.ApiService.Exports;

/// <summary>
/// Whether exports are being made right now. ATS reports wait for a quiet moment, so that reading files back never
/// takes CPU from the exports clients are waiting for.
/// </summary>
public sealed class ExportActivity(TimeProvider clock)
{
    private readonly TimeProvider _clock = clock;
    private int _inFlight;
    // A replica that has just started counts as just busy: reports wait one quiet period after start, too.
    private long _lastFinishedTicks = clock.GetUtcNow().UtcTicks;

    public IDisposable Begin()
    {
        Interlocked.Increment(ref _inFlight);
        return new Finished(this);
    }

    public bool IsQuietFor(TimeSpan quiet) =>
        Volatile.Read(ref _inFlight) == 0 && _clock.GetUtcNow().UtcTicks - Interlocked.Read(ref _lastFinishedTicks) >= quiet.Ticks;

    private sealed class Finished(ExportActivity activity) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Exchange(ref activity._lastFinishedTicks, activity._clock.GetUtcNow().UtcTicks);
                Interlocked.Decrement(ref activity._inFlight);
            }
        }
    }
}
