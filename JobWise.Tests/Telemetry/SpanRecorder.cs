using System.Collections;
using System.Diagnostics;

namespace JobWise.Tests.Telemetry;

/// <summary>
/// Where the in-memory exporters of several hosts in this process write their spans: safe for exporters that add at
/// once, and each span kept once (a span of a source two hosts both listen to is exported by both).
/// </summary>
public sealed class SpanRecorder : ICollection<Activity>
{
    private readonly Lock _lock = new();
    private readonly List<Activity> _spans = [];
    private readonly HashSet<Activity> _seen = [];

    public IReadOnlyList<Activity> Snapshot()
    {
        lock (_lock)
        {
            return [.. _spans];
        }
    }

    public void Add(Activity item)
    {
        lock (_lock)
        {
            if (_seen.Add(item))
            {
                _spans.Add(item);
            }
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _spans.Clear();
            _seen.Clear();
        }
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _spans.Count;
            }
        }
    }

    public bool IsReadOnly => false;

    public bool Contains(Activity item)
    {
        lock (_lock)
        {
            return _seen.Contains(item);
        }
    }

    public void CopyTo(Activity[] array, int arrayIndex) => Snapshot().ToList().CopyTo(array, arrayIndex);

    public bool Remove(Activity item) => throw new NotSupportedException();

    public IEnumerator<Activity> GetEnumerator() => Snapshot().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
