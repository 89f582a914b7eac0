# expected: python3.13 (the reference; 3.11 differs in messages or caret lines)
import sys
class AppError(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code
def run():
    raise AppError(7)
sys.stdout.flush()
run()
