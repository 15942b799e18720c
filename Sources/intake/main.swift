import IntakeCore
print("intake")
