using System.Text.Json;
using JobWise.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JobWise.ApiService.Infrastructure;

/// <summary>Stores documents as <c>jsonb</c> in the same snake_case shape the API speaks.</summary>
public static class ResumeDocumentConversion
{
    public static PropertyBuilder<T?> IsJson<T>(this PropertyBuilder<T?> property) where T : class => property
        .HasColumnType("jsonb")
        .HasConversion(
            value => value == null ? null : JsonSerializer.Serialize(value, ContractJson.Options),
            json => json == null ? null : JsonSerializer.Deserialize<T>(json, ContractJson.Options),
            new ValueComparer<T?>(
                (left, right) => JsonSerializer.Serialize(left, ContractJson.Options) == JsonSerializer.Serialize(right, ContractJson.Options),
                value => JsonSerializer.Serialize(value, ContractJson.Options).GetHashCode(),
                value => value == null ? null : JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, ContractJson.Options), ContractJson.Options)));

    public static PropertyBuilder<ResumeDocument> IsResumeJson(this PropertyBuilder<ResumeDocument> property) => property
        .HasColumnType("jsonb")
        .HasConversion(
            document => JsonSerializer.Serialize(document, ContractJson.Options),
            json => JsonSerializer.Deserialize<ResumeDocument>(json, ContractJson.Options) ?? new ResumeDocument(),
            new ValueComparer<ResumeDocument>(
                (left, right) => JsonSerializer.Serialize(left, ContractJson.Options) == JsonSerializer.Serialize(right, ContractJson.Options),
                document => JsonSerializer.Serialize(document, ContractJson.Options).GetHashCode(),
                document => JsonSerializer.Deserialize<ResumeDocument>(JsonSerializer.Serialize(document, ContractJson.Options), ContractJson.Options)!));
}
