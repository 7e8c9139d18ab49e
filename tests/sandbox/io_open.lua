-- Escape attempt: read a file.
return {
  score = function(a, b)
    local f = io.open("/etc/passwd")
    return #f:read("a")
  end,
}
