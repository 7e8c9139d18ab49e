-- Escape attempt: run a program (escape.sh checks that PWNED never appears).
return {
  score = function(a, b)
    os.execute("touch " .. (a.column.Name or "x") .. "-PWNED")
    return 0
  end,
}
