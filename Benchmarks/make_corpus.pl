#!/usr/bin/perl
# make_corpus.pl: writes COUNT posts into OUT, cycling through the SOURCE files.
#
# Usage: make_corpus.pl OUT COUNT SOURCE...
#
# The first round copies every source byte for byte, so a real corpus is measured as it is. Later
# rounds insert one short paragraph ("Benchmark copy N.") at the start of the body, so that no two
# files are byte-identical (nothing can be served from a cache keyed by content) while the rules see
# the same post: the paragraph goes before the body, so an editor line stays last; it is HTML in an
# HTML body and Markdown in a Markdown body, so the body format newslint detects does not change.
use strict;
use warnings;

my ($out, $count, @sources) = @ARGV;
die "usage: make_corpus.pl OUT COUNT SOURCE...\n" unless defined $count && @sources;

# BodyFormat.htmlOpeningTags: a body whose first tag (after comments) is one of these is HTML.
my %html_tags = map { $_ => 1 } qw(!doctype html head body div p section article main header footer
    h1 h2 h3 h4 h5 h6 ul ol dl blockquote figure pre center font span br);

my @posts;
for my $path (@sources) {
    open my $in, '<:raw', $path or die "make_corpus.pl: $path: $!\n";
    local $/;
    my $bytes = <$in>;
    close $in;
    my ($name) = $path =~ m{([^/]+)$};
    push @posts, { name => $name, bytes => $bytes, insert => insertion_point($bytes, $path) };
}

for my $i (0 .. $count - 1) {
    my $post = $posts[$i % @posts];
    my $round = int($i / @posts);
    my $bytes = $post->{bytes};
    if ($round > 0 && defined $post->{insert}) {
        my ($offset, $html, $eol) = @{ $post->{insert} };
        my $paragraph = $html ? "<p>Benchmark copy $round.</p>$eol" : "Benchmark copy $round.$eol$eol";
        substr($bytes, $offset, 0) = $paragraph;
    }
    my $target = sprintf('%s/%06d-%s', $out, $i, $post->{name});
    open my $fh, '>:raw', $target or die "make_corpus.pl: $target: $!\n";
    print $fh $bytes;
    close $fh or die "make_corpus.pl: $target: $!\n";
}

# Where the body starts, whether it is HTML, and the file's line ending; undef when the front matter
# is never closed (newslint rejects such a file; its copies stay identical).
sub insertion_point {
    my ($bytes, $path) = @_;
    my $eol = $bytes =~ /\r\n/ ? "\r\n" : "\n";
    my $offset = 0;
    $offset = 3 if substr($bytes, 0, 3) eq "\xEF\xBB\xBF";
    # Blank lines before the opening fence belong to the envelope.
    pos($bytes) = $offset;
    $offset = pos($bytes) while $bytes =~ /\G[ \t\r]*\n/gc;
    pos($bytes) = $offset;
    if ($bytes =~ /\G---[ \t\r]*(?:\n|\z)/gc) {
        return undef unless $bytes =~ /^---[ \t\r]*(?:\n|\z)/mgc;
        $offset = pos($bytes);
    }
    my $body = substr($bytes, $offset);
    my $html = $path =~ /\.html?$/i;
    unless ($html) {
        (my $start = $body) =~ s/^\s+//;
        $start =~ s/^<!--.*?-->\s*//s while $start =~ /^<!--.*?-->/s;
        $html = $start =~ /^<([A-Za-z0-9!]+)/ && $html_tags{ lc $1 } ? 1 : 0;
    }
    return [$offset, $html, $eol];
}
