namespace JobWise.ApiService.Tailoring;

/// <summary>
/// The edges of a <see cref="TermDictionary"/>'s trie, (node, word id) → child node, in one open-addressed table:
/// following an edge is a multiply, a shift and usually one comparison, which is what a scan does for every token.
/// </summary>
internal sealed class TrieEdges
{
    // A key packs the node and the word id; word ids start at 1, so no key is 0 and 0 marks an empty slot.
    private long[] _keys = new long[16];
    private int[] _children = new int[16];
    private int _shift = 64 - 4;
    private int _count;

    public bool TryGet(int node, int wordId, out int child)
    {
        var key = Key(node, wordId);
        var mask = _keys.Length - 1;
        for (var slot = Slot(key); ; slot = (slot + 1) & mask)
        {
            var found = _keys[slot];
            if (found == key)
            {
                child = _children[slot];
                return true;
            }
            if (found == 0)
            {
                child = 0;
                return false;
            }
        }
    }

    /// <summary>Adds the edge; it must not be there yet.</summary>
    public void Add(int node, int wordId, int child)
    {
        // At most half full, so that a look-up that misses stops soon.
        if (2 * (_count + 1) > _keys.Length)
        {
            Grow();
        }
        Insert(Key(node, wordId), child);
        _count++;
    }

    private static long Key(int node, int wordId) => ((long)node << 32) | (uint)wordId;

    private int Slot(long key) => (int)((ulong)key * 0x9E3779B97F4A7C15UL >> _shift);

    private void Insert(long key, int child)
    {
        var mask = _keys.Length - 1;
        var slot = Slot(key);
        while (_keys[slot] != 0)
        {
            slot = (slot + 1) & mask;
        }
        _keys[slot] = key;
        _children[slot] = child;
    }

    private void Grow()
    {
        var (keys, children) = (_keys, _children);
        _keys = new long[2 * keys.Length];
        _children = new int[2 * keys.Length];
        _shift--;
        for (var slot = 0; slot < keys.Length; slot++)
        {
            if (keys[slot] != 0)
            {
                Insert(keys[slot], children[slot]);
            }
        }
    }
}
