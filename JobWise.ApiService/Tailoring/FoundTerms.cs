namespace JobWise.ApiService.Tailoring;

/// <summary>
/// A set of term indices of one <see cref="TermDictionary"/>, in the order they were first added, that clears in the
/// time it took to fill, so that one instance serves text after text.
/// </summary>
public sealed class FoundTerms(int termCount)
{
    private readonly bool[] _found = new bool[termCount];
    private readonly List<int> _terms = [];

    /// <summary>The terms found, in the order they were first added.</summary>
    public IReadOnlyList<int> Terms => _terms;

    public bool Contains(int term) => _found[term];

    public void Add(int term)
    {
        if (!_found[term])
        {
            _found[term] = true;
            _terms.Add(term);
        }
    }

    public void Clear()
    {
        foreach (var term in _terms)
        {
            _found[term] = false;
        }
        _terms.Clear();
    }
}
