"""Reading input: a file, a web page, a URL or stdin, into one normalised article text."""
