using System.Collections.Concurrent;
using PuppeteerSharp;

namespace JobWise.Renderer.Browser;

/// <summary>
/// One Chromium process with its idle pages and a count of renders using it, so a retired process closes only when idle.
/// <see cref="Lost"/> is cancelled the moment the process is seen to die, so that nothing awaits a dead pipe.
/// </summary>
public sealed class BrowserInstance(IBrowser browser, int generation)
{
    private readonly CancellationTokenSource _lost = new();
    private int _active;
    private int _renders;
    private int _retired;

    public IBrowser Browser { get; } = browser;

    public int Generation { get; } = generation;

    public ConcurrentBag<IPage> IdlePages { get; } = [];

    public bool IsRetired => Volatile.Read(ref _retired) == 1;

    /// <summary>Cancelled when the process exits or its pipe closes: every call in flight on this browser is abandoned.</summary>
    public CancellationToken Lost => _lost.Token;

    public bool IsLost => _lost.IsCancellationRequested;

    public bool IsUsable => !IsRetired && !IsLost && Browser.IsConnected;

    /// <summary>True for the one caller that marks it lost.</summary>
    public bool MarkLost()
    {
        try
        {
            if (_lost.IsCancellationRequested)
            {
                return false;
            }
            _lost.Cancel();
            return true;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }

    public int Renders => Volatile.Read(ref _renders);

    public void Enter() => Interlocked.Increment(ref _active);

    /// <summary>Returns how many renders still use this process.</summary>
    public int Leave(bool rendered)
    {
        if (rendered)
        {
            Interlocked.Increment(ref _renders);
        }
        return Interlocked.Decrement(ref _active);
    }

    public int Active => Volatile.Read(ref _active);

    /// <summary>True for the one caller that retires it.</summary>
    public bool Retire() => Interlocked.Exchange(ref _retired, 1) == 0;
}
