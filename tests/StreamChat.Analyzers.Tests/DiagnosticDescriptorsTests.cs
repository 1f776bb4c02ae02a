using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using StreamChat.Tests.Shared;

namespace StreamChat.Analyzers.Tests;

/// <summary>Every rule is documented where its help link points and listed in the analyzer release files.</summary>
public sealed class DiagnosticDescriptorsTests
{
    private static IEnumerable<DiagnosticDescriptor> Descriptors() => typeof(DiagnosticDescriptors)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.FieldType == typeof(DiagnosticDescriptor))
        .Select(field => (DiagnosticDescriptor)field.GetValue(null)!);

    [Test]
    public void There_is_a_descriptor_for_each_of_SCHAT001_to_SCHAT004() =>
        Assert.That(Descriptors().Select(d => d.Id), Is.EquivalentTo(new[] { "SCHAT001", "SCHAT002", "SCHAT003", "SCHAT004" }));

    [TestCaseSource(nameof(Descriptors))]
    public void Help_link_points_to_a_rule_document_in_the_repository(DiagnosticDescriptor descriptor)
    {
        Assert.That(descriptor.HelpLinkUri, Does.StartWith(DiagnosticDescriptors.HelpLinkBase));
        Assert.That(RepositoryFiles.RepositoryUrl + "/blob/main/docs/rules/", Is.EqualTo(DiagnosticDescriptors.HelpLinkBase), "the help links and the packages name one repository");
        var relative = descriptor.HelpLinkUri.Substring(DiagnosticDescriptors.HelpLinkBase.Length);
        Assert.That(relative, Is.EqualTo(descriptor.Id + ".md"));

        var path = Path.Combine(RepositoryFiles.Root, "docs", "rules", relative);
        Assert.That(File.Exists(path), Is.True, $"{path} does not exist");
        var document = File.ReadAllText(path);
        Assert.That(document, Does.StartWith($"# {descriptor.Id}: {descriptor.Title}"));
        Assert.That(document, Does.Contain("## How to fix").And.Contain("## How to configure"));
    }

    [TestCaseSource(nameof(Descriptors))]
    public void Rule_is_listed_in_the_unshipped_release_with_its_category_and_severity(DiagnosticDescriptor descriptor)
    {
        var releases = File.ReadAllLines(Path.Combine(RepositoryFiles.Root, "analyzers", "StreamChat.Analyzers", "AnalyzerReleases.Unshipped.md"));
        var row = releases.SingleOrDefault(line => line.StartsWith(descriptor.Id + " ", StringComparison.Ordinal));
        Assert.That(row, Is.Not.Null);
        Assert.That(row, Does.Contain($"| {descriptor.Category} | {descriptor.DefaultSeverity} |"));
    }

    [Test]
    public void Every_supported_diagnostic_of_every_analyzer_comes_from_DiagnosticDescriptors()
    {
        var analyzers = typeof(DiagnosticDescriptors).Assembly.GetTypes()
            .Where(type => typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && !type.IsAbstract)
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
            .ToList();

        Assert.That(analyzers, Has.Count.EqualTo(3));
        var supported = analyzers.SelectMany(analyzer => analyzer.SupportedDiagnostics).ToList();
        Assert.That(supported, Is.EquivalentTo(Descriptors()));
    }
}
