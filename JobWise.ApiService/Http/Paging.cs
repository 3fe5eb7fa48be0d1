using JobWise.ApiService.Validation;
using Microsoft.EntityFrameworkCore;

namespace JobWise.ApiService.Http;

/// <summary><c>limit</c> and <c>offset</c> query parameters: 20 and 0 by default, limit at most 100.</summary>
public readonly record struct Paging(int Limit, int Offset)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public static Paging Validate(ValidationErrors errors, int? limit, int? offset)
    {
        var paging = new Paging(limit ?? DefaultLimit, offset ?? 0);
        if (paging.Limit is < 1 or > MaxLimit)
        {
            errors.Add("limit", $"must be between 1 and {MaxLimit}");
        }
        if (paging.Offset < 0)
        {
            errors.Add("offset", "must not be negative");
        }
        return paging;
    }

    /// <summary>The total of <paramref name="query"/> and the page of its <paramref name="ordered"/> form this paging asks for.</summary>
    public async Task<(List<T> Page, int Total)> ApplyAsync<T>(IQueryable<T> query, Func<IQueryable<T>, IOrderedQueryable<T>> ordered, CancellationToken cancellationToken)
    {
        var total = await query.CountAsync(cancellationToken);
        var page = await ordered(query).Skip(Offset).Take(Limit).ToListAsync(cancellationToken);
        return (page, total);
    }
}
